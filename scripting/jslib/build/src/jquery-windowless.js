// jQuery as Postman's sandbox bundles it for Backbone: without a window the
// jquery package exports only its factory, which needs a window with a
// document (a sandbox has none). So Backbone.$ is that function, and calling
// it throws as it does in Newman 6.2.2. Written for courier; no jQuery code.
module.exports = function (w) {
  if (!w.document) {
    throw new Error('jQuery requires a window with a document');
  }
  throw new Error('jQuery requires a window with a document');
};
