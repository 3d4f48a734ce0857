import { exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { extractArticle } from '../article-extractor';

/**
 * Pages written for the patterns where the extractor failed on a held-out multilingual corpus
 * (issue 16): each page is small but laid out as real sites lay out theirs (site header and
 * navigation, a sidebar, a footer), and each test names the pattern, not a site.
 */

const STORIES: Record<string, string[]> = {
  en: [
    'The city council voted on Tuesday to close the old harbour bridge for repairs that engineers say cannot wait another winter.',
    'Traffic will be diverted over the northern ring road from next month, adding about ten minutes to the average commute.',
    'Residents who live beside the bridge said they had complained about cracks in the pillars for years without an answer.',
    'The repairs are expected to cost about twelve million pounds and to last until the end of next summer at the latest.',
  ],
  de: [
    'Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für Reparaturen zu sperren, die laut Ingenieuren nicht länger warten können.',
    'Der Verkehr wird ab nächstem Monat über den nördlichen Ring umgeleitet, was den Arbeitsweg im Schnitt um zehn Minuten verlängert.',
    'Anwohner berichteten, sie hätten sich seit Jahren über Risse in den Pfeilern beschwert, ohne jemals eine Antwort zu bekommen.',
    'Die Arbeiten sollen etwa zwölf Millionen Euro kosten und spätestens bis zum Ende des nächsten Sommers abgeschlossen sein.',
  ],
  fr: [
    'Le conseil municipal a voté mardi la fermeture du vieux pont du port pour des travaux qui, selon les ingénieurs, ne peuvent plus attendre.',
    'La circulation sera déviée par le périphérique nord dès le mois prochain, ce qui allongera le trajet moyen de dix minutes environ.',
    'Les riverains affirment avoir signalé des fissures dans les piliers depuis des années sans jamais recevoir la moindre réponse.',
    "Les travaux devraient coûter environ douze millions d'euros et durer au plus tard jusqu'à la fin de l'été prochain.",
  ],
  es: [
    'El ayuntamiento votó el martes el cierre del viejo puente del puerto para unas obras que, según los ingenieros, no pueden esperar más.',
    'El tráfico se desviará por la ronda norte a partir del mes que viene, lo que alargará el trayecto medio unos diez minutos.',
    'Los vecinos aseguran que llevan años denunciando grietas en los pilares sin haber recibido nunca una respuesta del consistorio.',
    'Se espera que las obras cuesten unos doce millones de euros y que terminen, como muy tarde, a finales del próximo verano.',
  ],
  it: [
    'Il consiglio comunale ha votato martedì la chiusura del vecchio ponte del porto per lavori che, secondo gli ingegneri, non possono attendere.',
    'Il traffico sarà deviato sulla tangenziale nord dal mese prossimo, allungando il tragitto medio di circa dieci minuti.',
    'I residenti dicono di aver segnalato per anni le crepe nei piloni senza mai ricevere una risposta dal comune.',
    'I lavori dovrebbero costare circa dodici milioni di euro e concludersi al più tardi entro la fine della prossima estate.',
  ],
  pt: [
    'A câmara municipal votou na terça-feira o encerramento da velha ponte do porto para obras que, segundo os engenheiros, não podem esperar.',
    'O trânsito será desviado pela circular norte a partir do próximo mês, o que acrescenta cerca de dez minutos ao trajeto médio.',
    'Os moradores dizem que se queixam há anos das fissuras nos pilares sem nunca terem recebido qualquer resposta.',
    'As obras deverão custar cerca de doze milhões de euros e terminar, o mais tardar, no final do próximo verão.',
  ],
  nl: [
    'De gemeenteraad heeft dinsdag besloten de oude havenbrug te sluiten voor reparaties die volgens ingenieurs niet langer kunnen wachten.',
    'Het verkeer wordt vanaf volgende maand over de noordelijke ring omgeleid, wat de gemiddelde reistijd met tien minuten verlengt.',
    'Bewoners zeggen dat ze al jaren klagen over scheuren in de pijlers zonder ooit een antwoord van de gemeente te krijgen.',
    'De werkzaamheden kosten naar verwachting twaalf miljoen euro en duren uiterlijk tot het einde van volgende zomer.',
  ],
  ru: [
    'Городской совет во вторник проголосовал за закрытие старого портового моста на ремонт, который, по словам инженеров, нельзя откладывать.',
    'С будущего месяца движение пустят по северной кольцевой дороге, и средняя поездка станет длиннее примерно на десять минут.',
    'Жители соседних домов говорят, что годами жаловались на трещины в опорах, но так и не получили ответа от властей.',
    'Ремонт обойдётся примерно в двенадцать миллионов евро и продлится самое позднее до конца следующего лета.',
  ],
  pl: [
    'Rada miasta zagłosowała we wtorek za zamknięciem starego mostu portowego na remont, który według inżynierów nie może dłużej czekać.',
    'Od przyszłego miesiąca ruch zostanie skierowany na północną obwodnicę, co wydłuży średni dojazd o około dziesięć minut.',
    'Mieszkańcy twierdzą, że od lat zgłaszali pęknięcia w filarach, ale nigdy nie otrzymali żadnej odpowiedzi.',
    'Remont ma kosztować około dwunastu milionów euro i potrwać najpóźniej do końca przyszłego lata.',
  ],
};

function story(lang: string): string[] {
  const paragraphs = STORIES[lang];
  if (paragraphs === undefined) throw new Error(`no story in ${lang}`);
  return paragraphs;
}

const paragraphsOf = (texts: readonly string[]): string =>
  texts.map((text) => `<p>${text}</p>`).join('\n');

/** A page as sites build them: header and menu, the article, a sidebar, a footer. */
function page(lang: string, article: string, options: { sidebar?: string } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>Harbour bridge to close | The Daily Example</title>
<meta name="description" content="A short description for search engines.">
</head><body>
<header class="site-header"><a class="logo" href="/">The Daily Example</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="wrapper"><div class="columns">
${article}
<aside class="sidebar">${options.sidebar ?? '<h3>Most read</h3><ul><li><a href="/a">A story everybody read today about something else</a></li></ul>'}</aside>
</div></div>
<footer class="site-footer"><p>© 2025 The Daily Example. All rights reserved.</p></footer>
</body></html>`;
}

function fetched(html: string): ArticleFetchedV1 {
  return {
    ...structuredClone(exampleArticleFetched),
    url: 'https://news.example.com/2025/04/harbour-bridge',
    format: 'html',
    body: html,
  };
}

const NOW = new Date('2025-05-01T00:00:00.000Z');

function bodyOf(html: string): string[] {
  return extractArticle(fetched(html), { now: NOW }).paragraphs;
}

function bodyTextOf(html: string): string {
  return bodyOf(html).join('\n');
}

describe('issue 16 patterns: a standfirst above the body container', () => {
  const standfirsts: [string, string, string][] = [
    [
      'en',
      'p.intro inside the article header',
      `<article><header><h1>Harbour bridge to close</h1>
        <p class="intro">Engineers warn the crumbling crossing could fail within a year, and the council has run out of patience.</p></header>
        <div class="article-body">${paragraphsOf(story('en'))}</div></article>`,
    ],
    [
      'de',
      'div.teaser-text above itemprop=articleBody',
      `<div class="article"><div class="article-head"><h1>Hafenbrücke wird gesperrt</h1>
        <div class="teaser-text">Ingenieure warnen, dass die marode Brücke binnen eines Jahres versagen könnte – der Stadtrat zieht die Notbremse</div></div>
        <div itemprop="articleBody">${paragraphsOf(story('de'))}</div></div>`,
    ],
    [
      'fr',
      'div.entry-excerpt above div.entry-content',
      `<div class="post"><h1 class="entry-title">Le pont du port va fermer</h1>
        <div class="entry-meta"><span>Publié le 14 avril 2025</span></div>
        <div class="entry-excerpt"><p>Les ingénieurs préviennent que l'ouvrage pourrait céder d'ici un an, et la mairie a perdu patience.</p></div>
        <div class="entry-content">${paragraphsOf(story('fr'))}</div></div>`,
    ],
    [
      'es',
      'p.standfirst in a header beside the body',
      `<div class="story"><div class="story-header"><h1>El puente del puerto cerrará</h1>
        <p class="article__standfirst">Los ingenieros advierten de que la estructura podría fallar en un año y el ayuntamiento ha perdido la paciencia</p></div>
        <section class="story-body">${paragraphsOf(story('es'))}</section></div>`,
    ],
  ];

  it.each(standfirsts)('puts the standfirst (%s, %s) first in the body', (lang, _kind, article) => {
    const body = bodyOf(page(lang, article));
    expect(body.slice(1)).toEqual(story(lang));
    expect(body[0]).toMatch(/^(?:Engineers|Ingenieure|Les ingénieurs|Los ingenieros)/);
  });

  it('does not repeat a standfirst the body already starts with', () => {
    const intro =
      'Engineers warn the crumbling crossing could fail within a year, and the council has run out of patience.';
    const body = bodyOf(
      page(
        'en',
        `<article><header><h1>Harbour bridge to close</h1><p class="intro">${intro}</p></header>
        <div class="article-body"><p><strong>${intro}</strong></p>${paragraphsOf(story('en'))}</div></article>`,
      ),
    );
    expect(body).toEqual([intro, ...story('en')]);
  });

  it('leaves out the teaser of another story in the sidebar', () => {
    const body = bodyOf(
      page('en', `<div class="article-body">${paragraphsOf(story('en'))}</div>`, {
        sidebar: `<div class="teaser"><h3><a href="/b">Ferry prices rise</a></h3>
          <p class="teaser-text">Ferry companies say fuel costs leave them no choice but to raise fares this spring.</p></div>`,
      }),
    );
    expect(body).toEqual(story('en'));
  });
});

describe('issue 16 patterns: boilerplate inside the chosen container', () => {
  const tails: [string, string, string, string][] = [
    [
      'en',
      'a related-articles list',
      '<h3>You might also like</h3><ul><li><a href="/x">Ferry prices rise</a> Fuel costs leave operators no choice this spring.</li><li><a href="/y">New tram line</a> The first trams will run in the autumn.</li></ul>',
      'Fuel costs',
    ],
    [
      'de',
      'a related-articles list',
      '<h2>Das könnte Sie auch interessieren</h2><div class="teaser"><p>Fährpreise steigen deutlich, weil die Treibstoffkosten den Betreibern keine andere Wahl lassen.</p></div>',
      'Fährpreise',
    ],
    [
      'de',
      'a "Lesen Sie auch" line',
      '<p><strong>Lesen Sie auch:</strong> Neue Straßenbahnlinie soll im Herbst fahren</p>',
      'Lesen Sie auch',
    ],
    [
      'fr',
      'an "À lire aussi" line',
      '<p>À lire aussi : Le prix des ferries augmente fortement ce printemps</p>',
      'lire aussi',
    ],
    [
      'es',
      'a "Más noticias" section',
      '<h4>Más noticias</h4><p>El precio de los ferris sube por el coste del combustible.</p>',
      'ferris',
    ],
    [
      'it',
      'a "Leggi anche" line',
      '<p>Leggi anche: il prezzo dei traghetti aumenta in primavera</p>',
      'Leggi anche',
    ],
    [
      'pt',
      'a "Leia também" line',
      '<p>Leia também: preço das balsas sobe na primavera</p>',
      'Leia também',
    ],
    [
      'nl',
      'a "Lees ook" line',
      '<p>Lees ook: Veerboten worden dit voorjaar duurder</p>',
      'Lees ook',
    ],
    [
      'ru',
      'a "Читайте также" line',
      '<p>Читайте также: Цены на паромы выросли весной</p>',
      'Читайте также',
    ],
    [
      'pl',
      'a "Czytaj także" line',
      '<p>Czytaj także: Ceny promów rosną wiosną</p>',
      'Czytaj także',
    ],
    [
      'en',
      'a "Read more" line',
      '<p>Read more: Ferry prices rise as fuel costs soar</p>',
      'Read more',
    ],
    ['en', 'a tag line', '<p>Tags: bridges, council, transport</p>', 'Tags:'],
    ['de', 'a tag line', '<p>Schlagworte: Brücken, Stadtrat, Verkehr</p>', 'Schlagworte'],
    ['fr', 'a tag line', '<p>Mots-clés : ponts, mairie, circulation</p>', 'Mots-clés'],
    ['en', 'a share prompt', '<p>Share this article with your friends:</p>', 'Share this'],
    ['de', 'a share prompt', '<p>Teilen Sie diesen Artikel</p>', 'Teilen Sie'],
    ['es', 'a share prompt', '<p>Comparte esta noticia en tus redes sociales</p>', 'Comparte'],
    [
      'en',
      'a "was this useful" prompt',
      '<p>Was this article helpful?</p><p>Yes No</p>',
      'helpful',
    ],
    ['de', 'a "was this useful" prompt', '<p>War dieser Artikel hilfreich?</p>', 'hilfreich'],
    ['pt', 'a "was this useful" prompt', '<p>Esta notícia foi útil?</p>', 'útil'],
    [
      'en',
      'a newsletter appeal',
      '<p>Sign up for our free morning newsletter and get the day’s top stories in your inbox.</p>',
      'newsletter',
    ],
    [
      'de',
      'a newsletter appeal',
      '<p>Abonnieren Sie jetzt unseren kostenlosen Newsletter und verpassen Sie keine Nachricht mehr.</p>',
      'Newsletter',
    ],
    [
      'fr',
      'a newsletter appeal',
      '<p>Inscrivez-vous à notre newsletter pour recevoir chaque matin l’essentiel de l’actualité.</p>',
      'newsletter',
    ],
    [
      'it',
      'a newsletter appeal',
      '<p>Iscriviti alla nostra newsletter per ricevere ogni giorno le notizie più importanti.</p>',
      'newsletter',
    ],
    [
      'en',
      'a paywall prompt',
      '<p>Subscribe to continue reading this article.</p>',
      'continue reading',
    ],
    [
      'de',
      'a paywall prompt',
      '<p>Weiterlesen mit Plus: Jetzt einen Monat für nur 1 Euro testen.</p>',
      'Weiterlesen',
    ],
    [
      'fr',
      'a paywall prompt',
      '<p>Cet article est réservé aux abonnés. Abonnez-vous pour lire la suite.</p>',
      'abonnés',
    ],
    [
      'es',
      'a paywall prompt',
      '<p>Suscríbete para seguir leyendo esta noticia.</p>',
      'seguir leyendo',
    ],
    [
      'en',
      'an author bio box',
      '<h3>About the author</h3><p>Jane Doe covers transport and city politics for The Daily Example. She joined in 2015.</p>',
      'Jane Doe covers',
    ],
    [
      'de',
      'an author bio box',
      '<h3>Über den Autor</h3><p>Max Mustermann schreibt seit 2010 über Verkehr und Stadtpolitik in der Region.</p>',
      'Max Mustermann schreibt',
    ],
    [
      'de',
      'a press-contact box',
      '<p><strong>Pressekontakt:</strong></p><p>Stadtverwaltung, Pressestelle, Tel. 0123 456789, presse@stadt.example</p>',
      'Pressestelle',
    ],
    [
      'en',
      'a press-contact box',
      '<p>Media contact: John Smith, press office, +44 20 7946 0000</p>',
      'Media contact',
    ],
    ['de', 'a photo credit', '<p>Foto: Max Mustermann/dpa</p>', 'Foto:'],
    ['fr', 'a photo credit', '<p>Crédit photo : AFP</p>', 'Crédit photo'],
    ['es', 'a photo credit', '<p>Foto: EFE / Juan Pérez</p>', 'EFE'],
  ];

  it.each(tails)('drops %s %s at the end of the body', (lang, _kind, tail, leftOut) => {
    const body = bodyTextOf(
      page(lang, `<div class="article-body">${paragraphsOf(story(lang))}${tail}</div>`),
    );
    for (const paragraph of story(lang)) expect(body).toContain(paragraph);
    expect(body).not.toContain(leftOut);
  });

  it('keeps the story that goes on after an inline "Lesen Sie auch" line', () => {
    const [one, two, three, four] = story('de');
    const body = bodyOf(
      page(
        'de',
        `<div class="article-body"><p>${one}</p><p>${two}</p>
        <p><strong>Lesen Sie auch:</strong> <a href="/x">Neue Straßenbahnlinie soll im Herbst fahren</a></p>
        <p>${three}</p><p>${four}</p></div>`,
      ),
    );
    expect(body).toEqual(story('de'));
  });

  it('keeps a paragraph that merely mentions a newsletter or tags', () => {
    const mention =
      'In a newsletter to residents, the council said the tags painted on the pillars would be removed as well.';
    const body = bodyOf(
      page('en', `<div class="article-body">${paragraphsOf([...story('en'), mention])}</div>`),
    );
    expect(body).toEqual([...story('en'), mention]);
  });
});

describe('issue 16 patterns: the wrong block chosen outright', () => {
  const short = (lang: string): string =>
    story(lang)
      .slice(0, 2)
      .map((text) => `<div>${text}</div>`)
      .join('');
  const wrongBlocks: [string, string, string][] = [
    [
      'en',
      'a cookie notice',
      `<div class="cookie-consent"><p>We use cookies and similar technologies to give you a better experience, to analyse traffic and to show personalised advertising.</p><p>By clicking accept you agree to the use of cookies as described in our privacy policy, which you can change at any time.</p><p>You can manage your preferences or withdraw your consent at any time in the settings of this website.</p></div>`,
    ],
    [
      'de',
      'a consent notice',
      `<div id="gdpr-layer"><p>Wir verwenden Cookies und ähnliche Technologien, um Ihnen ein besseres Nutzungserlebnis zu bieten und Inhalte zu personalisieren.</p><p>Mit einem Klick auf Akzeptieren stimmen Sie der Verarbeitung Ihrer Daten gemäß unserer Datenschutzerklärung zu.</p><p>Ihre Einwilligung können Sie jederzeit in den Einstellungen widerrufen oder anpassen.</p></div>`,
    ],
    [
      'fr',
      'a paywall box',
      `<div class="paywall"><p>Cet article est réservé aux abonnés. Profitez de notre offre découverte pour lire tous nos articles en illimité.</p><p>Déjà abonné ? Connectez-vous pour continuer votre lecture et accéder à toutes nos archives.</p><p>Sans engagement, résiliable à tout moment depuis votre espace personnel en quelques clics.</p></div>`,
    ],
    [
      'en',
      'user reviews',
      `<div class="user-reviews"><p>Great article, I drive over that bridge every single day and I have been worried about it for ages.</p><p>About time the council did something, the cracks have been visible from the river path for at least five years.</p><p>Ten minutes extra every morning is going to be a nightmare for everybody who lives on the north side.</p></div>`,
    ],
    [
      'es',
      'an advertiser disclosure',
      `<div class="advertiser-disclosure"><p>Este contenido ha sido elaborado en colaboración con nuestros anunciantes. Podemos recibir una comisión por las compras realizadas a través de los enlaces.</p><p>Las opiniones expresadas son independientes y no han sido revisadas ni aprobadas por ninguna de las marcas mencionadas.</p><p>Consulte nuestra política de transparencia publicitaria para obtener más información.</p></div>`,
    ],
  ];

  // Text the decoys hold and the story does not.
  const DECOY_WORDS =
    /cookie|Einwilligung|abonné|council did|anunciantes|registrieren|Konzert|prezzo|Registrati/i;
  wrongBlocks.push(
    [
      'de',
      'a registration notice with no telling class',
      `<div class="overlay-box"><p>Registrieren Sie sich jetzt kostenlos, um diesen Artikel weiterzulesen und alle Vorteile zu nutzen.</p><p>Mit Ihrem kostenlosen Konto erhalten Sie Zugang zu allen Artikeln, Kommentaren und Merklisten.</p><p>Sie haben bereits ein Konto? Dann melden Sie sich einfach mit Ihrer E-Mail-Adresse an.</p></div>`,
    ],
    [
      'de',
      'an events calendar',
      `<div class="events-calendar">${[
        'Montag',
        'Dienstag',
        'Mittwoch',
        'Donnerstag',
        'Freitag',
        'Samstag',
      ]
        .map(
          (day) =>
            `<div>${day}, 20 Uhr: Konzert im Stadtpark mit dem Orchester der Hafenstadt, Eintritt frei</div>`,
        )
        .join('')}</div>`,
    ],
    [
      'it',
      'a price list',
      `<div class="pricing-table">${['Base', 'Plus', 'Premium', 'Famiglia', 'Studenti']
        .map(
          (plan) =>
            `<div>Abbonamento ${plan}: prezzo mensile di 9,99 euro, disdetta in qualsiasi momento</div>`,
        )
        .join('')}</div>`,
    ],
    [
      'it',
      'a sign-up wall with no telling class',
      `<div class="box"><p>Registrati gratuitamente per continuare a leggere questo articolo e tutti i contenuti del sito.</p><p>Registrati gratuitamente: riceverai la newsletter quotidiana e potrai commentare gli articoli.</p><p>Registrati gratuitamente oppure accedi con il tuo account se sei già registrato.</p></div>`,
    ],
  );

  it.each(wrongBlocks)(
    'reads the %s article, not %s that holds more text',
    (lang, _kind, decoy) => {
      const body = bodyTextOf(page(lang, `${decoy}<div class="article-body">${short(lang)}</div>`));
      expect(body).toContain(story(lang)[0]);
      expect(body).not.toMatch(DECOY_WORDS);
    },
  );

  it('reads the pt article, not the box of other stories after it that holds more text', () => {
    const others = ['um', 'dois', 'três', 'quatro']
      .map(
        (n) =>
          `<article class="post"><h2><a href="/${n}">Outra história número ${n}</a></h2><p>Um resumo de outra história do mesmo jornal, número ${n}, com texto bastante longo para contar como prosa.</p></article>`,
      )
      .join('');
    const body = bodyOf(
      page(
        'pt',
        `<article class="post">${paragraphsOf(story('pt').slice(0, 2))}</article>
        <article class="post related"><h3 class="title">Você pode gostar...</h3>${others}</article>`,
      ),
    );
    expect(body).toEqual(story('pt').slice(0, 2));
  });

  it('reads the post, not a site slogan or a lone photo caption', () => {
    const body = bodyOf(
      page(
        'en',
        `<div class="site-slogan">Independent local news from the harbour city since 1887, every day.</div>
        <div class="post-body"><p class="wp-caption-text">The harbour bridge seen from the river path on Monday morning, with the cracked pillars.</p>${paragraphsOf(story('en'))}</div>`,
      ),
    );
    expect(body).toEqual(story('en'));
  });
});

describe('issue 16 patterns: paragraphs dropped inside the right container', () => {
  it('keeps subheadings written as bold lines between <br>s', () => {
    const [one, two, three, four] = story('en');
    const body = bodyOf(
      page(
        'en',
        `<div class="article-text">${one}<br><br><b>What happens next</b><br>${two}<br><br><strong>Who pays</strong><br>${three}<br>${four}</div>`,
      ),
    );
    expect(body).toEqual([one, 'What happens next', two, 'Who pays', three, four]);
  });

  it('keeps an ingredient list and a short numbered list', () => {
    const body = bodyOf(
      page(
        'en',
        `<div class="entry-content"><p>${story('en')[0]}</p><h3>Ingredients</h3>
        <ul><li><a href="/glossary/flour">Flour</a></li><li><a href="/glossary/eggs">2 eggs</a></li><li>Salt</li></ul>
        <ol><li>Mix</li><li>Bake</li></ol>${paragraphsOf(story('en').slice(1))}</div>`,
      ),
    );
    expect(body).toEqual(
      expect.arrayContaining(['Ingredients', 'Flour', '2 eggs', 'Salt', 'Mix', 'Bake']),
    );
  });

  it('keeps the subheadings and list items that recur under each part of a menu', () => {
    const day = (n: number, dish: string): string =>
      `<h3>Meal ${n}</h3><p>Eat every 2–3 hours</p><ul><li>${dish}</li><li>1 Green, 1 Red</li></ul>`;
    const body = bodyOf(
      page(
        'en',
        `<div class="entry-content">${paragraphsOf(story('en'))}${day(1, 'Eggs and toast')}${day(2, 'Tomato salad')}</div>`,
      ),
    );
    expect(body.slice(story('en').length)).toEqual([
      'Meal 1', 'Eat every 2–3 hours', 'Eggs and toast', '1 Green, 1 Red',
      'Meal 2', 'Eat every 2–3 hours', 'Tomato salad', '1 Green, 1 Red',
    ]); // prettier-ignore
  });

  it('keeps a post the story quotes in a social-media embed', () => {
    const quoted =
      'The bridge has been closed since Monday and nobody told us why, one resident wrote.';
    const body = bodyOf(
      page(
        'en',
        `<div class="article-body">${paragraphsOf(story('en').slice(0, 2))}
        <div class="social-media-embed"><blockquote class="twitter-tweet"><p>${quoted}</p></blockquote></div>
        ${paragraphsOf(story('en').slice(2))}</div>`,
      ),
    );
    expect(body).toContain(quoted);
  });

  it('keeps the cells of a table, also one a figure wraps', () => {
    const body = bodyOf(
      page(
        'en',
        `<div class="entry-content">${paragraphsOf(story('en'))}
        <figure class="wp-block-table"><table><tr><th>Bridge</th><th>Cost</th></tr><tr><td>Harbour</td><td>£12m</td></tr></table></figure>
        <table><tr><td>North ring</td></tr></table></div>`,
      ),
    );
    expect(body).toEqual(expect.arrayContaining(['Bridge Cost', 'Harbour £12m', 'North ring']));
  });

  it('keeps <pre> and <code> snippets', () => {
    const body = bodyOf(
      page(
        'en',
        `<div class="entry-content">${paragraphsOf(story('en'))}<pre><code>npm install</code></pre>
        <figure class="wp-block-code"><code>git pull</code></figure></div>`,
      ),
    );
    expect(body).toEqual(expect.arrayContaining(['npm install', 'git pull']));
  });
});

describe('issue 16 patterns: text in a plain container without <p>', () => {
  // The only other text on the page a paragraph scorer sees: a footer line that is boilerplate.
  const footer = `<div class="legal">Alle Rechte vorbehalten. © 2025 Beispiel-Verlag GmbH, Musterstadt.</div>
    <div class="more-news"><ul>${['a', 'b', 'c'].map((n) => `<li><a href="/${n}">Another story from the same newspaper, number ${n}</a></li>`).join('')}</ul></div>`;
  const containers: [string, string][] = [
    [
      'a section.article-text with <br>',
      `<section class="article-text">${story('de').join('<br><br>')}</section>`,
    ],
    ['a <center> with bare text', `<center>\n${story('de').join('\n<br>\n')}\n</center>`],
    [
      'a section.field--name-body with text in spans',
      `<section class="field field--name-body">${story('de')
        .map((text) => `<span>${text}</span><br>`)
        .join('')}</section>`,
    ],
    [
      'a <section> holding <font> with <br>',
      `<section class="story-text"><font>${story('de').join('<br>')}</font></section>`,
    ],
  ];

  it.each(containers)('reads %s on a full page', (_kind, container) => {
    const body = bodyOf(page('de', `<div class="article">${container}</div>${footer}`));
    expect(body).toEqual(story('de'));
  });
});

describe('issue 16 patterns: text without <p> beside a named container of links', () => {
  const teasers = Array.from(
    { length: 8 },
    (_, n) =>
      `<li><a href="/${n}">Eine andere Geschichte aus der Zeitung, Nummer ${n}, mit einer langen Überschrift</a></li>`,
  ).join('');
  const containers: [string, string][] = [
    ['div.article-text', `<div class="article-text">${story('de').join('<br><br>')}</div>`],
    [
      'div.entry-content',
      `<div class="entry-content">${story('de')
        .map((text) => `<div>${text}</div>`)
        .join('')}</div>`,
    ],
  ];

  it.each(containers)(
    'reads a %s without <p> on a page whose <main> holds only teaser links',
    (_kind, container) => {
      const body = bodyOf(
        page('de', `<div class="story">${container}</div><main><ul>${teasers}</ul></main>`),
      );
      expect(body).toEqual(story('de'));
    },
  );
});

describe('issue 16 patterns: soft hyphens', () => {
  it('keeps soft hyphens in the body text, as the page wrote them', () => {
    const word = 'Donau\u00addampf\u00adschiff\u00adfahrts\u00adgesellschaft';
    const paragraph = `Die ${word} hat am Dienstag neue Fahrpläne für den Sommer vorgestellt, die ab Mai gelten sollen.`;
    const article = extractArticle(
      fetched(
        page('de', `<div class="article-body">${paragraphsOf([paragraph, ...story('de')])}</div>`),
      ),
      { now: NOW },
    );
    expect(article.paragraphs[0]).toBe(paragraph);
    expect(article.bodyText).toContain(word);
    // A soft hyphen joins the parts of one word.
    expect(article.wordCount).toBe(
      extractArticle(
        fetched(
          page(
            'de',
            `<div class="article-body">${paragraphsOf([paragraph.replace(/\u00ad/g, ''), ...story('de')])}</div>`,
          ),
        ),
        { now: NOW },
      ).wordCount,
    );
  });
});
