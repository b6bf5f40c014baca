/** A table row builder for a scenario that measures Affluents only (no reference column). */
export const affluentsRow = (scenario) => (metric, unit, value, note) => ({
  scenario,
  metric,
  unit,
  affluents: value,
  ywebsocket: null,
  hocuspocus: null,
  note,
});
