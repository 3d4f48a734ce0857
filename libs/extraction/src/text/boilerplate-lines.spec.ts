import { isBoilerplateLine, isNotice, opensFurnitureSection } from './boilerplate-lines';

describe(isBoilerplateLine.name, () => {
  it.each([
    'Lesen Sie auch: Neue Straßenbahnlinie soll im Herbst fahren',
    'À lire aussi : Le prix des ferries augmente',
    'Leggi anche: il prezzo dei traghetti aumenta',
    'Читайте также: Цены на паромы выросли',
    'Tags: bridges, council, transport',
    '05/10/2018 - Publicado por: Clarissa Borba - Tags: saúde',
    'Teilen Sie diesen Artikel',
    'Share this article with your friends:',
    'Was this article helpful?',
    'Cet article vous a-t-il été utile ?',
    'Abonnieren Sie jetzt unseren kostenlosen Newsletter.',
    'There is more. Sign up for The Daily Brief to get the free newsletter in your inbox.',
    'Suscríbete para seguir leyendo esta noticia.',
    'Continue reading',
    'Crédit photo : AFP',
    'Foto: Max Mustermann/dpa',
    'Image 1 of 5',
    'Follow us on Twitter @example and on Facebook.',
    'Email Jane Doe at jdoe@example.com.',
    'This slideshow requires JavaScript.',
    'Tous droits réservés.',
    'http://example.com/a.jpg 1200 676 admin http://example.com/b.jpg',
  ])('drops "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Share prices fell by five per cent on Monday.',
    'In a newsletter to residents, the council said the tags would be removed.',
    'Read more than forty pages of the report and you find the same complaint.',
    'The company said it would keep reading the market before it decides.',
    'Related projects in the region have cost twice as much, engineers said.',
    '… keep reading. I am about to show you how to cut the cost of the bridge by half.',
  ])('keeps "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe(opensFurnitureSection.name, () => {
  it.each([
    'You might also like',
    'Das könnte Sie auch interessieren',
    'Más noticias',
    'Mehr Nachrichten',
    'Другие новости',
    'About the author',
    'Über den Autor',
    'Pressekontakt:',
    'Tags',
    'Отзывы',
    'Tell us what YOU think...',
  ])('takes "%s" for the heading of a section of furniture', (line) => {
    expect(opensFurnitureSection(line)).toBe(true);
  });

  it('takes a subheading of the story for none', () => {
    expect(opensFurnitureSection('What happens next')).toBe(false);
  });
});

describe(isNotice.name, () => {
  it.each([
    'We use cookies to give you a better experience and to show personalised advertising.',
    'Cet article est réservé aux abonnés. Profitez de notre offre découverte.',
    'Podemos recibir una comisión por las compras realizadas a través de los enlaces.',
  ])('takes "%s" for a notice', (text) => {
    expect(isNotice(text)).toBe(true);
  });

  it('takes a sentence about cookies in a story for none', () => {
    expect(isNotice('The bakery sold four hundred cookies on the first morning.')).toBe(false);
  });
});
