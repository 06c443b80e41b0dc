// Stands in for node-only builtins (fs, os, ...) that some bundled libraries
// reference on code paths the sandbox never reaches.
module.exports = {};
