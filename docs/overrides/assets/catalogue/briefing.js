/* The briefing page's script: written from requirements/data.js with catalogue.js's window.catalogueKit. */
(function () {
  "use strict";
})();
