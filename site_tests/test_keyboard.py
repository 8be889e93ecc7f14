"""A reader without a mouse: the framework switch, the solution toggles and the animation controls are
reached with Tab and used with Enter and Space."""

from playwright.sync_api import expect

from book_pages import pages

PAGES = pages()
NOTEBOOKS = [p for p in PAGES if p.is_notebook]
# Elements that Tab stops at, in document order (the book sets no positive tabindex).
TABBABLE = "a[href], button, input, select, textarea, summary, [tabindex]"


def tab_into(tab, locator):
    """Focus the element that Tab reaches just before ``locator``'s element, press Tab, and check that the
    focus is then on that element (so it is in the page's Tab order)."""
    target = locator.element_handle()
    tab.evaluate(
        """([target, selector]) => {
            const stops = [...document.querySelectorAll(selector)]
                .filter(e => e.tabIndex >= 0 && !e.disabled && e.checkVisibility());
            const i = stops.indexOf(target);
            if (i < 1) throw new Error("the element is not in the Tab order");
            stops[i - 1].focus();
        }""",
        [target, TABBABLE],
    )
    tab.keyboard.press("Tab")
    assert tab.evaluate("(target) => document.activeElement === target", target), "Tab did not reach it"


def test_switch_by_keyboard(visit):
    """From the top of a TensorFlow page, Tab reaches the switch's PyTorch link; Enter opens PyTorch."""
    tf = next(p for p in NOTEBOOKS if p.docname.endswith("/tensorflow"))
    v = visit(tf.url)
    other = v.tab.locator(".twin-switch a:not([aria-current])")
    for _ in range(200):
        v.tab.keyboard.press("Tab")
        if other.evaluate("a => document.activeElement === a"):
            break
    else:
        raise AssertionError("200 presses of Tab did not reach the framework switch")
    expect(other).to_be_focused()
    with v.tab.expect_navigation(url=v.site_url + tf.docname.replace("tensorflow", "pytorch") + ".html"):
        v.tab.keyboard.press("Enter")


def test_solution_toggle_by_keyboard(visit):
    """A hidden solution's toggle is in the Tab order; Enter opens it and Space closes it again."""
    page = next(p for p in NOTEBOOKS if p.hidden_cells)
    v = visit(page.url)
    details = v.tab.locator("main .cell.tag_hide-cell details").first
    summary, content = details.locator("summary").first, details.locator(":scope > :not(summary)").first
    summary.scroll_into_view_if_needed()
    tab_into(v.tab, summary)
    v.tab.keyboard.press("Enter")
    expect(content).to_be_visible()
    v.tab.keyboard.press("Space")
    expect(content).to_be_hidden()


def test_animation_by_keyboard(visit):
    """An animation player's Play and Pause buttons and its frame slider work from the keyboard."""
    page = next(p for p in NOTEBOOKS if p.animations)
    v = visit(page.url)
    player = v.tab.locator("main div.animation").first
    player.scroll_into_view_if_needed()
    slider, frame = player.locator("input.anim-slider"), player.locator("img").first
    start = slider.input_value()
    tab_into(v.tab, player.locator("button[title='Play']"))
    v.tab.keyboard.press("Enter")
    v.tab.wait_for_function("([s, start]) => s.value !== start", arg=[slider.element_handle(), start], timeout=10_000)
    v.tab.keyboard.press("Shift+Tab")
    expect(player.locator("button[title='Pause']")).to_be_focused()
    v.tab.keyboard.press("Space")
    paused = slider.input_value()
    v.tab.wait_for_timeout(600)  # several frame intervals
    assert slider.input_value() == paused, "Space on Pause did not stop the animation"
    slider.focus()
    v.tab.keyboard.press("Home")
    picture = frame.get_attribute("src")
    v.tab.keyboard.press("ArrowRight")
    assert slider.input_value() == "1" and frame.get_attribute("src") != picture, "ArrowRight did not step a frame"
