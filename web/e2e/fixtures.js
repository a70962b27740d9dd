// A small official text in the layout of the city's documents (red header, 文号, 关于印发
// wrapper, an indicator table with two units, one task): imported through the UI by the tests.
export const IMPORTED = {
  title: '宁波市网页测试质量提升行动方案',
  doc_number: '甬政办发〔2026〕9号',
};

export const OFFICIAL_TEXT = `宁波市人民政府办公厅文件

${IMPORTED.doc_number}

宁波市人民政府办公厅关于印发${IMPORTED.title}的通知

各区（县、市）人民政府：

现将《${IMPORTED.title}》印发给你们，请认真贯彻执行。

宁波市人民政府办公厅
2026年1月5日

${IMPORTED.title}

一、主要目标

附件

主要指标

质量领域\t指标\t2025年目标\t责任单位
制造业\t网页测试产品合格率 (%)\t98\t市经信局
\t网页测试企业数 (家)\t120\t市市场监管局

二、重点任务

（一）推进测试提升。加强测试。（责任单位：市经信局）
`;
