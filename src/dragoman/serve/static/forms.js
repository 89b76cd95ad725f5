// The filter forms' + buttons: add an empty box for another value in place (without
// scripts, the button submits ?add=NAME and the server opens the form with one more box).
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.filters button.add").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var boxes = button.parentNode.querySelectorAll("input[name='" + button.value + "']");
      if (!boxes.length) { return; }
      event.preventDefault();
      var last = boxes[boxes.length - 1];
      var box = last.cloneNode(false);
      box.setAttribute("value", "");
      box.value = "";
      last.after(" ", box);
      box.focus();
    });
  });
});
