// CommonJS twin of strip-bom 5 (ESM only) for Jest, whose module system cannot require an ES module on Node 20;
// @microsoft/app-manifest requires it. Node itself loads the real one (require(esm), Node ≥ 20.19).
module.exports = function stripBom(string) {
  if (typeof string !== 'string') throw new TypeError(`Expected a string, got ${typeof string}`);
  return string.charCodeAt(0) === 0xfeff ? string.slice(1) : string;
};
module.exports.default = module.exports;
