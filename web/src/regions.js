// The districts a plan's figures can be reported for (src/registry/region.cpp has the same
// list); 全市 is the city as a whole.
const CITIES = {
  宁波市: ['海曙区', '江北区', '镇海区', '北仑区', '鄞州区', '奉化区', '余姚市', '慈溪市', '宁海县', '象山县'],
  舟山市: ['定海区', '普陀区', '岱山县', '嵊泗县'],
};

export const CITY_WIDE = '全市';

export function cityOf(plan) {
  // 舟山's documents start with the city (舟山市…, 舟质强市发〔2023〕1号); Ningbo's titles may
  // still mention 宁波舟山港, so look only at the start.
  const starts = [plan?.title, plan?.doc_number, plan?.issuer].some((t) => (t || '').startsWith('舟'));
  return starts ? '舟山市' : '宁波市';
}

export function regionsFor(plan) {
  return [CITY_WIDE, ...CITIES[cityOf(plan)]];
}
