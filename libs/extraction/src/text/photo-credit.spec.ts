import { splitCaptionCredit, startsWithCredit } from './photo-credit';

describe(splitCaptionCredit.name, () => {
  it('splits a credit glued to the caption that follows it', () => {
    expect(
      splitCaptionCredit(
        "© Sputnik / Alexei DanichevA general view shows the St. Basil's Cathedral in Moscow",
      ),
    ).toEqual({
      credit: 'Sputnik / Alexei Danichev',
      caption: "A general view shows the St. Basil's Cathedral in Moscow",
    });
  });

  it('prefers a credit seen alone elsewhere on the page over guessing where it ends', () => {
    expect(
      splitCaptionCredit('© Reuters / Tom McDonaldMcDonald speaks to the press in London', {
        knownCredits: ['Reuters / Tom McDonald'],
      }),
    ).toEqual({
      credit: 'Reuters / Tom McDonald',
      caption: 'McDonald speaks to the press in London',
    });
  });

  it('uses a caption seen alone elsewhere on the page to find where the credit ends', () => {
    expect(
      splitCaptionCredit('© AFP / Jean DuboisMacron arrives in Berlin', {
        knownCaptions: ['Macron arrives in Berlin'],
      }),
    ).toEqual({ credit: 'AFP / Jean Dubois', caption: 'Macron arrives in Berlin' });
  });

  it.each([
    ['Rescuers at work in the rubble. Photo: Reuters / Jane Doe', 'Reuters / Jane Doe'],
    ['Rescuers at work in the rubble (© AFP)', 'AFP'],
    ['Rescuers at work in the rubble. (Photo by Jane Doe/Getty Images)', 'Jane Doe/Getty Images'],
    ['Rescuers at work in the rubble | Credit: Jane Doe', 'Jane Doe'],
  ])('splits a trailing credit from %s', (text, credit) => {
    const result = splitCaptionCredit(text);
    expect(result.credit).toBe(credit);
    expect(result.caption).toMatch(/^Rescuers at work in the rubble\.?$/);
  });

  it.each([
    ['Rescuers at work in the rubble. (AFP/Getty Images)', 'AFP/Getty Images'],
    ['Rescuers at work in the rubble (AP Photo/Evan Vucci)', 'AP Photo/Evan Vucci'],
    ['Rescuers at work in the rubble (Reuters).', 'Reuters'],
    ['Rescuers at work in the rubble. Photograph: Jane Doe/Reuters', 'Jane Doe/Reuters'],
    ['Rescuers at work in the rubble. Foto: dpa', 'dpa'],
    ['Rescuers at work in the rubble. Crédit : Jane Doe', 'Jane Doe'],
    ['Rescuers at work in the rubble. Credits: Jane Doe', 'Jane Doe'],
  ])('splits the credit from %s', (text, credit) => {
    expect(splitCaptionCredit(text)).toEqual({
      caption: expect.stringMatching(/^Rescuers at work in the rubble\.?$/) as string,
      credit,
    });
  });

  it.each([
    ['Jane Doe (left) and John Smith at the summit'],
    ['Fans celebrate the title (2024/25 season)'],
    ['Pictured: rescuers at work in the rubble'],
  ])('keeps %s, which names no photographer, whole as caption', (text) => {
    expect(splitCaptionCredit(text)).toEqual({ caption: text, credit: null });
  });

  it.each([
    ['Photo: Reuters', 'Reuters'],
    ['(AFP/Getty Images)', 'AFP/Getty Images'],
    ['Credit: Reuters', 'Reuters'],
  ])('reads %s as the credit %s without caption', (text, credit) => {
    expect(splitCaptionCredit(text)).toEqual({ caption: null, credit });
  });

  it('reads a credit alone as a credit without caption', () => {
    expect(splitCaptionCredit('© Sputnik / Alexei Danichev')).toEqual({
      credit: 'Sputnik / Alexei Danichev',
      caption: null,
    });
  });

  it('keeps a two-word name whole rather than splitting it at an inner capital', () => {
    expect(splitCaptionCredit('© Reuters / Tom McDonald').credit).toBe('Reuters / Tom McDonald');
  });

  it('reads text without a credit marker as caption only', () => {
    expect(splitCaptionCredit('  The Kremlin at dusk ')).toEqual({
      caption: 'The Kremlin at dusk',
      credit: null,
    });
  });

  it.each([
    ['a bracket and 200,000 capitals', `A view (${'A'.repeat(200_000)}`],
    ['200,000 dashes before the credit', `A view ${'-'.repeat(200_000)}x © AFP`],
    ['200,000 closing brackets in the credit', `A view © AFP${')'.repeat(200_000)}x`],
  ])('reads a caption of %s in time linear in it', (_kind, text) => {
    const started = performance.now();
    splitCaptionCredit(text);
    // Generous: 80,000 characters after a bracket took 12 s, and the time grew faster than that.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['Rescuers at work (left)', { caption: 'Rescuers at work (left)', credit: null }],
    ['Season results (2024/25)', { caption: 'Season results (2024/25)', credit: null }],
    [
      'Rescuers (at work) (Jane Doe / Staff)',
      { caption: 'Rescuers (at work)', credit: 'Jane Doe / Staff' },
    ],
    ['Rescuers at work (AFP) (left)', { caption: 'Rescuers at work (AFP) (left)', credit: null }],
    ['Rescuers at work (AFP))', { caption: 'Rescuers at work (AFP))', credit: null }],
  ])('reads the bracketed end of %p as before', (text, expected) => {
    expect(splitCaptionCredit(text)).toEqual(expected);
  });
});

describe(startsWithCredit.name, () => {
  it('tells a credit line from a sentence that mentions a photo', () => {
    expect(startsWithCredit('© Sputnik / Alexei Danichev')).toBe(true);
    expect(startsWithCredit('Photo: Reuters')).toBe(true);
    expect(startsWithCredit('The photo: a general view')).toBe(false);
  });
});
