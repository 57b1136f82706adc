/*
 * The player runs in a third-party iframe (the H5P origin inside a platform
 * page); browsers that block third-party storage (private windows, strict
 * settings) throw on reading window.localStorage or sessionStorage there. Some
 * H5P libraries read them without a try: give them a storage that lives in
 * memory for this page only. Loaded in the player document and in the iframe
 * H5P core may open for the content.
 */
(function () {
  'use strict';
  function memoryStorage() {
    var items = {};
    return {
      get length() { return Object.keys(items).length; },
      key: function (i) { return Object.keys(items)[i] || null; },
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      clear: function () { items = {}; }
    };
  }
  ['localStorage', 'sessionStorage'].forEach(function (name) {
    try {
      window[name].getItem('balai');
    } catch (error) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (ignored) { /* left as it is */ }
    }
  });
})();
