// Globals a host page may already have, named like the widget's.
window.IMAStatements = { owner: "host", version: "not ours" };
window.wasm_bindgen = function hostFunction() { return "host"; };
window.init = function hostInit() { return "host"; };
window.Archive = "host archive";
