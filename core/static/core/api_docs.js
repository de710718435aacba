// Starts Swagger UI on the API docs page. Kept in a static file: the CSP forbids inline script.
(function () {
  "use strict";
  var holder = document.getElementById("swagger-ui");
  if (!holder || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  var csrfToken = holder.dataset.csrfToken;
  window.SwaggerUIBundle({
    url: holder.dataset.schemaUrl,
    domNode: holder,
    deepLinking: true,
    validatorUrl: null,
    withCredentials: true,
    requestInterceptor: function (request) {
      if (request.method && request.method.toUpperCase() !== "GET") {
        request.headers["X-CSRFToken"] = csrfToken;
      }
      return request;
    },
  });
})();
