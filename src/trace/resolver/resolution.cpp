#include "trace/resolver/resolution.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace zhiyou::trace::resolver {
namespace {

using Label = std::pair<std::string_view, std::string_view>;

constexpr std::array<Label, 22> kBizSteps{{
    {"commissioning", "赋码"}, {"encoding", "写码"},        {"inspecting", "检验"},
    {"packing", "装箱"},       {"unpacking", "拆箱"},       {"loading", "装车"},
    {"shipping", "发货"},      {"departing", "离开"},       {"arriving", "到达"},
    {"receiving", "收货"},     {"accepting", "验收"},       {"storing", "入库"},
    {"picking", "拣货"},       {"stocking", "上架"},        {"retail_selling", "零售售出"},
    {"dispensing", "发放"},    {"decommissioning", "注销"}, {"destroying", "销毁"},
    {"holding", "暂扣"},       {"sampling", "抽样"},        {"repairing", "维修"},
    {"recalling", "召回"},
}};

constexpr std::array<Label, 13> kDispositions{{
    {"active", "在用"},
    {"in_progress", "处理中"},
    {"in_transit", "运输中"},
    {"sellable_accessible", "可售"},
    {"sellable_not_accessible", "可售（未上架）"},
    {"non_sellable_other", "不可售"},
    {"retail_sold", "已售出"},
    {"dispensed", "已发放"},
    {"recalled", "已召回"},
    {"expired", "已过期"},
    {"damaged", "已损坏"},
    {"destroyed", "已销毁"},
    {"stolen", "被盗"},
}};

template <std::size_t N>
std::string label_of(const std::array<Label, N>& labels, const std::string& name) {
  const auto it =
      std::find_if(labels.begin(), labels.end(), [&](const Label& l) { return l.first == name; });
  return it == labels.end() ? name : std::string(it->second);
}

}  // namespace

bool Recall::covers(const std::string& lot) const {
  return lots.empty() || lot.empty() || std::find(lots.begin(), lots.end(), lot) != lots.end();
}

std::string biz_step_label(const std::string& biz_step) { return label_of(kBizSteps, biz_step); }

std::string disposition_label(const std::string& disposition) {
  return label_of(kDispositions, disposition);
}

}  // namespace zhiyou::trace::resolver
