// Suggestions under the search box, from /api/suggest (OpenSearch suggestions JSON: [query, [completions]]).
// An enhancement only: without this file the box is a plain form that works the same.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById("suggestions");
  var form = input.form;
  var endpoint = input.getAttribute("data-suggest");
  var timer = null;
  var active = -1;
  var latest = "";

  function hide() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function choose(text) {
    input.value = text;
    hide();
    form.submit();
  }

  function mark(index) {
    var items = list.querySelectorAll("li");
    active = index;
    for (var i = 0; i < items.length; i++) {
      items[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
    }
  }

  function show(words) {
    list.innerHTML = "";
    active = -1;
    if (!words.length) { hide(); return; }
    words.forEach(function (word, i) {
      var item = document.createElement("li");
      item.id = "suggestion-" + i;
      item.setAttribute("role", "option");
      item.textContent = word;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(word); });
      list.appendChild(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function fetchSuggestions() {
    var prefix = input.value.trim();
    latest = prefix;
    if (!prefix) { hide(); return; }
    fetch(endpoint + "?q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : [prefix, []]; })
      .then(function (data) {
        if (prefix !== latest) { return; }
        show(Array.isArray(data) && Array.isArray(data[1]) ? data[1] : []);
      })
      .catch(hide);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", function (event) {
    var count = list.querySelectorAll("li").length;
    if (list.hidden || !count) { return; }
    if (event.key === "ArrowDown") { event.preventDefault(); mark((active + 1) % count); }
    else if (event.key === "ArrowUp") { event.preventDefault(); mark((active - 1 + count) % count); }
    else if (event.key === "Escape") { hide(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(list.querySelectorAll("li")[active].textContent);
    }
  });
  input.addEventListener("blur", function () { setTimeout(hide, 100); });
}());
