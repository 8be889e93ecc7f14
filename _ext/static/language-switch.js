// The language switch (see _ext/book_i18n.py). Without this script its links still work and open the
// other language's page at its top; with it, they open it at the section being read, and the reader's
// language is remembered (localStorage): the home page, entered from outside the book, opens in it.
(() => {
  const KEY = "dl-book-language";

  function remembered() {
    try { return localStorage.getItem(KEY); } catch { return null; }  // storage may be switched off
  }

  function remember(language) {
    try { localStorage.setItem(KEY, language); } catch { /* nothing to remember with */ }
  }

  // The innermost section whose top is above the top of the view (below the sticky header bar).
  function currentSectionId() {
    const header = document.querySelector(".bd-header-article");
    const top = (header ? header.getBoundingClientRect().bottom : 0) + 2;
    let current = null;
    for (const section of document.querySelectorAll("article section[id]")) {
      if (section.getBoundingClientRect().top <= top) current = section.id;
    }
    return current;
  }

  // Following the switch: the same section in the other language (section ids are the same in both).
  document.addEventListener("click", (event) => {
    const link = event.target.closest(".language-switch a");
    if (!link) return;
    remember(link.dataset.language);
    if (link.hasAttribute("aria-current")) return;
    const section = currentSectionId();
    if (section) link.href = link.href.split("#")[0] + "#" + section;
  });

  const here = document.documentElement.lang;
  const wanted = remembered();
  const home = /\/(index|intro)\.html$|\/$/.test(location.pathname);
  const fromOutside = !document.referrer || new URL(document.referrer).origin !== location.origin;
  if (home && fromOutside && wanted && wanted !== here) {
    const other = document.querySelector(`.language-switch a[data-language="${wanted}"]`);
    if (other) location.replace(other.href);
  }
})();
