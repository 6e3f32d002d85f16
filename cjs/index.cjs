'use strict';
// CommonJS entry: Node >= 20.19 can require() the ES module build.
module.exports = require('../dist/src/index.js').default;
