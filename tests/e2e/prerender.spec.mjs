// Issue 16: our index.html carries the app's own first screens (scripts/prerender.mjs), so on a
// slow phone a citizen can read and follow them before the wasm has arrived, and the app then
// takes over on the same screen. Here the wasm is held back until the test lets it through.
import { test, expect } from '@playwright/test';
import { appReady, EVERY_SCREEN, expectAccessible, NATIONAL, NEUTRAL, ROUTES, routeNode, stubNeutralSite, telUri, trackRequests, typeLikeAPerson, uiPattern, uiText } from './helpers.mjs';

/** Holds every .wasm request (or those matching `pattern`) until `release()` is called. */
async function holdWasm(page, pattern = '**/*.wasm') {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const visibleHeading = (page) => page.locator('.mw-prerender h1').locator('visible=true');
const start = routeNode(ROUTES.citizen_start);
const firstAnswer = start.answers.find((answer) => routeNode(answer.next).kind === 'question') ?? start.answers[0];

test('before the wasm: home, the first question and its answers work as links, with the numbers', async ({ page }) => {
  await holdWasm(page);
  await page.goto('/');
  await expect(visibleHeading(page)).toHaveText(uiText('title.home'));
  for (const number of EVERY_SCREEN) {
    await expect(page.locator(`.mw-prerender a[href="${telUri(number.number)}"]`).first()).toBeVisible();
  }
  await expectAccessible(page, 'the pre-rendered home screen');
  await page.locator(`.mw-prerender a[href="#/zorgen"]`).locator('visible=true').first().click();
  await expect(visibleHeading(page)).toHaveText(start.title.nl);
  for (const answer of start.answers) {
    await expect(page.getByRole('link', { name: answer.label.nl, exact: true }).locator('visible=true')).toBeVisible();
  }
  await expectAccessible(page, 'the pre-rendered first question');
  await page.getByRole('link', { name: firstAnswer.label.nl, exact: true }).locator('visible=true').click();
  await expect(page).toHaveURL(new RegExp(`#/zorgen/${firstAnswer.next}$`));
  await expect(visibleHeading(page)).toHaveText(routeNode(firstAnswer.next).title.nl);
  // Back returns to the first question, as in the app.
  await page.goBack();
  await expect(visibleHeading(page)).toHaveText(start.title.nl);
});

test('before the wasm: a link to a screen that is not pre-rendered says it is loading', async ({ page }) => {
  await holdWasm(page);
  await page.goto('/');
  await expect(visibleHeading(page)).toHaveText(uiText('title.home'));
  await page.evaluate(() => { location.hash = '#/zelftest'; });
  await expect(page.locator('.mw-prerender__wait')).toHaveText(uiText('capability.loading'));
  await expect(visibleHeading(page)).toHaveCount(0);
});

test('before the wasm: "Snel weg" and three Shift presses leave for the neutral site', async ({ page }) => {
  await stubNeutralSite(page);
  await holdWasm(page);
  await page.goto('/#/zorgen');
  await expect(visibleHeading(page)).toHaveText(start.title.nl);
  await page.getByRole('button', { name: uiText('exit.button') }).click();
  await expect(page).toHaveURL(NATIONAL.exit_url);

  await page.goto('/#/zorgen');
  await expect(visibleHeading(page)).toHaveText(start.title.nl);
  // A capital typed is not a press that counts.
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  expect(page.url()).toContain('#/zorgen');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
});

test('when the wasm arrives the app takes over on the screen the user went to, and its links keep working', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.locator(`.mw-prerender a[href="#/zorgen"]`).locator('visible=true').first().click();
  await page.getByRole('link', { name: firstAnswer.label.nl, exact: true }).locator('visible=true').click();
  release();
  await appReady(page);
  await expect(page.locator('.mw-prerender')).toHaveCount(0);
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(routeNode(firstAnswer.next).title.nl);
  const next = routeNode(firstAnswer.next).answers?.[0];
  if (next) {
    await page.getByRole('link', { name: next.label.nl, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/zorgen/${next.next}$`));
    await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(routeNode(next.next).title.nl);
  }
});

test('before the wasm: a first visitor sees the meldcode\'s first screen, its fields waiting for the app', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#/meldcode');
  await expect(visibleHeading(page)).toHaveText(uiText('title.meldcode'));
  await expect(page.getByRole('link', { name: uiText('profile.set') }).locator('visible=true')).toBeVisible();
  // What is typed before the app runs would be lost when it takes over: nothing can be typed.
  const caseCode = page.locator('.mw-prerender input[type="text"]').locator('visible=true').first();
  await expect(caseCode).toBeDisabled();
  await expectAccessible(page, 'the pre-rendered meldcode screen');
  release();
  await appReady(page);
  await expect(page.locator('.mw-prerender')).toHaveCount(0);
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(uiText('title.meldcode'));
  await expect(page.getByLabel(uiText('dossier.case_code'))).toBeEnabled();
});

test('before the wasm: a returning professional is not shown a first visitor\'s empty meldcode', async ({ page }) => {
  // Anything of ours stored in this browser may mean a profile and dossiers.
  await page.addInitScript(() => localStorage.setItem('meldwijzer:test', '1'));
  await holdWasm(page);
  await page.goto('/#/meldcode');
  await expect(page.locator('.mw-prerender__wait')).toHaveText(uiText('capability.loading'));
  await expect(visibleHeading(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: uiText('profile.set') })).toHaveCount(0);
});

test('opened on the citizen\'s route, one shell with the routekaart in it starts: no second module', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/#/zorgen');
  await appReady(page);
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(start.title.nl);
  await page.getByRole('link', { name: firstAnswer.label.nl, exact: true }).click();
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(routeNode(firstAnswer.next).title.nl);
  const wasm = requests.urls.filter((url) => url.endsWith('.wasm')).map((url) => url.split('/').pop());
  expect(wasm).toEqual(['citizen_bg.wasm']);
  // From there to the rest of the app: the other capabilities load as modules, as ever.
  await page.evaluate(() => { location.hash = '#/meldcode'; });
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(uiText('title.meldcode'));
});

test('between the shell and the routekaart\'s module the question stays, and its answers still lead on', async ({ page }) => {
  // Opened at home, the plain shell runs; the routekaart's module is on its way when the user
  // chooses the citizen's door (a slow phone: seconds).
  const release = await holdWasm(page, '**/routekaart_bg.wasm');
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: new RegExp(uiText('home.citizen')) }).click();
  await expect(page).toHaveURL(/#\/zorgen$/);
  const heading = page.locator('.meldwijzer .mw-screen h1').locator('visible=true');
  await expect(heading).toHaveText(start.title.nl);
  await expect(page.getByText(uiText('capability.loading'))).toBeHidden();
  await page.getByRole('link', { name: firstAnswer.label.nl, exact: true }).locator('visible=true').click();
  await expect(page).toHaveURL(new RegExp(`#/zorgen/${firstAnswer.next}$`));
  await expect(heading).toHaveText(routeNode(firstAnswer.next).title.nl);
  await expectAccessible(page, 'a pre-rendered question in the shell, before the routekaart\'s module');
  release();
  await appReady(page);
  await expect(page.locator('.mw-prerender-copy')).toHaveCount(0);
  await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(routeNode(firstAnswer.next).title.nl);
});

// The example gemeente page (voorbeeld.html) carries the same screens with its region pack, and
// the sociale kaart's first results, which stay until the module has read the gemeente's files.
test.describe('the sociale kaart on the example gemeente page', () => {
  const copyResults = (page) => page.locator('.mw-prerender .mw-results > li h3, .mw-prerender-copy .mw-results > li h3').locator('visible=true');

  test('before the wasm: its first results with their numbers, and no "open now" that held only when it was built', async ({ page }) => {
    await holdWasm(page);
    await page.goto('/voorbeeld.html#/sociale-kaart');
    await expect(visibleHeading(page)).toHaveText(uiText('title.social_map'));
    await expect(page.locator('.mw-prerender .mw-results__count').locator('visible=true')).toHaveText(uiPattern('social_map.count.other'));
    await expect(copyResults(page).first()).toBeVisible();
    await expect(page.locator('.mw-prerender .mw-results a[href^="tel:"]').locator('visible=true').first()).toBeVisible();
    await expect(page.locator('.mw-prerender [data-clock], .mw-prerender .mw-open')).toHaveCount(0);
    await expect(page.getByLabel(uiText('social_map.search')).locator('visible=true')).toBeDisabled();
    await expectAccessible(page, 'the pre-rendered sociale kaart');
    // The citizen's first question is on this page too.
    await page.evaluate(() => { location.hash = '#/zorgen'; });
    await expect(visibleHeading(page)).toHaveText(start.title.nl);
  });

  test('until its module has read the files the first results stay; then a search typed with capitals works', async ({ page }) => {
    const release = await holdWasm(page, '**/sociale-kaart_bg.wasm');
    await page.goto('/voorbeeld.html#/sociale-kaart');
    // The shell runs; the sociale kaart's module is on its way.
    await expect(page.locator('.mw-prerender')).toHaveCount(0);
    await expect(page.locator('.mw-prerender-copy .mw-results__count')).toHaveText(uiPattern('social_map.count.other'));
    await expect(copyResults(page).first()).toBeVisible();
    await expect(page.getByText(uiText('capability.loading'))).toBeHidden();
    await expect(page.getByText(uiText('social_map.loading'))).toBeHidden();
    await expectAccessible(page, 'the sociale kaart\'s copy, before its module');
    release();
    await appReady(page);
    await expect(page.locator('.mw-prerender-copy')).toHaveCount(0);
    await typeLikeAPerson(page, page.getByLabel(uiText('social_map.search')), 'Schuldhulp');
    await expect(page.locator('.mw-results > li h3').first()).toHaveText('Schuldhulp Voorbeeldstad');
    await expect(page.locator('.mw-results > li h3').locator('visible=true')).not.toHaveCount(0);
  });

  test('while its module reads the gemeente\'s files the first results stay, not "loading"', async ({ page }) => {
    const release = await holdWasm(page, '**/voorbeeldstad-sociale-kaart.json');
    await page.goto('/voorbeeld.html#/sociale-kaart');
    // The module has mounted behind the copy (the slot says so) and waits for the files.
    await expect(page.locator('[data-meldwijzer-capability="sociale-kaart"][data-copy-shown]')).toHaveCount(1);
    await expect(copyResults(page).first()).toBeVisible();
    await expect(page.getByText(uiText('social_map.loading'))).toBeHidden();
    await expect(page.locator('.meldwijzer h1').locator('visible=true')).toHaveCount(1);
    release();
    await appReady(page);
    await expect(page.locator('.mw-prerender-copy, [data-copy-shown]')).toHaveCount(0);
    await expect(page.locator('.mw-results__count')).toHaveText(uiPattern('social_map.count.other'));
  });

  test('opened from home, the sociale kaart\'s heading takes focus once its own screen replaces the copy', async ({ page }) => {
    const release = await holdWasm(page, '**/voorbeeldstad-sociale-kaart.json');
    await page.goto('/voorbeeld.html');
    await appReady(page);
    await page.getByRole('link', { name: new RegExp(uiText('home.social_map')) }).click();
    await expect(page.locator('[data-copy-shown]')).toHaveCount(1);
    await expect(copyResults(page).first()).toBeVisible();
    release();
    await expect(page.locator('[data-copy-shown]')).toHaveCount(0);
    await expect(page.locator('.meldwijzer .mw-screen h1')).toBeFocused();
  });

  test('opened on the sociale kaart, its module is fetched beside the shell, once', async ({ page }) => {
    const requests = trackRequests(page);
    // The shell is held back: the sociale kaart's module is already on its way meanwhile.
    const release = await holdWasm(page, '**/meldwijzer_bg.wasm');
    await page.goto('/voorbeeld.html#/sociale-kaart');
    await expect.poll(() => requests.urls.filter((url) => url.endsWith('/sociale-kaart_bg.wasm')).length).toBe(1);
    release();
    await appReady(page);
    await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(uiText('title.social_map'));
    const wasm = requests.urls.filter((url) => url.endsWith('.wasm')).map((url) => url.split('/').pop()).sort();
    expect(wasm).toEqual(['meldwijzer_bg.wasm', 'sociale-kaart_bg.wasm']);
  });

  test('a search in the address is not answered with the unfiltered first results', async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto('/voorbeeld.html#/sociale-kaart?q=schuld');
    await expect(page.locator('.mw-prerender__wait')).toHaveText(uiText('capability.loading'));
    await expect(copyResults(page)).toHaveCount(0);
    release();
    await appReady(page);
    await expect(page.locator('.mw-prerender-copy')).toHaveCount(0);
    await expect(page.locator('.mw-results > li h3').first()).toHaveText('Schuldhulp Voorbeeldstad');
  });

  test('a visitor who kept a list here is not shown a first visitor\'s results', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('meldwijzer:test', '1'));
    await holdWasm(page);
    await page.goto('/voorbeeld.html#/sociale-kaart');
    await expect(page.locator('.mw-prerender__wait')).toHaveText(uiText('capability.loading'));
    await expect(copyResults(page)).toHaveCount(0);
  });

  test('a result followed in the copy opens that service once the module is there', async ({ page }) => {
    const release = await holdWasm(page, '**/sociale-kaart_bg.wasm');
    await page.goto('/voorbeeld.html#/sociale-kaart');
    await expect(page.locator('.mw-prerender')).toHaveCount(0);
    const first = page.locator('.mw-prerender-copy .mw-results > li h3 a').first();
    const name = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/#\/sociale-kaart\/dienst\//);
    // Its page was not pre-rendered: "loading", not the results left standing.
    await expect(page.getByText(uiText('capability.loading'))).toBeVisible();
    await expect(copyResults(page)).toHaveCount(0);
    release();
    await appReady(page);
    await expect(page.locator('.meldwijzer .mw-screen h1')).toHaveText(name);
  });
});
