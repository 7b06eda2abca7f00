/**
 * A story with the three promo kinds that used to leak past both extraction and live hiding,
 * none of them named by a class: a share bar reduced to "Copy link", a blog's follow-by-email box,
 * and "WATCH:" video teasers between paragraphs. Shared by the extraction and live-page tests.
 */
export const STORY = [
  'The council approved the harbour plan on Tuesday after a long debate about its cost, its timing and what it would mean for the people who live nearby.',
  'Work will start in the spring, and the first stage should be finished before the end of next year, officials said after the meeting closed.',
  'Residents were told to watch the river levels overnight and to leave their homes if the water rose any further, the fire service said.',
  'Watch: the council will decide on Monday whether the crossing goes ahead, and residents have been invited to speak at the meeting first.',
  'The harbour master said the new quay would take larger ferries, which have had to anchor offshore since the old one was closed in the storm.',
  'A second consultation will open in the autumn, and the final design is expected to be published before the council sets its budget.',
];

export const PROMOS = {
  copyLink: ['Copy link to this article', 'Link kopieren', 'Copier le lien'],
  followBox: [
    'Follow Blog via Email',
    'Enter your email address to follow this blog and receive notifications of new posts by email.',
    'Join 1,234 other subscribers',
    'Blog per E-Mail folgen',
    'Gib deine E-Mail-Adresse an, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue Beiträge zu erhalten.',
    'Schließe dich 56 anderen Abonnenten an',
  ],
  videoTeasers: [
    'Moment the bridge collapsed into the river',
    'Residents describe the night of the flood',
    'So sah die Brücke vor dem Einsturz aus',
    'Les images de la crue',
  ],
};

const [first, second, third, fourth, fifth, sixth] = STORY.map((text) => `<p>${text}</p>`);

export const PROMO_PAGE_BODY = `<main><article class="story"><h1>Harbour plan approved</h1>
  ${first}
  <div class="bar"><button type="button"><svg></svg></button><span>Copy link to this article</span><button type="button"><svg></svg></button></div>
  ${second}
  <p><strong>WATCH:</strong> Moment the bridge collapsed into the river</p>
  <div class="embed"><iframe src="https://www.youtube.com/embed/abc123"></iframe></div>
  ${third}
  <h3>VIDEO: Residents describe the night of the flood</h3>
  <div class="jw-wrapper" data-video-id="x1"></div>
  ${fourth}
  <div><span>Link kopieren</span></div>
  <p>SEHEN SIE: So sah die Brücke vor dem Einsturz aus</p>
  <video src="/media/bridge.mp4" controls></video>
  ${fifth}
  <figure><figcaption>VIDÉO : Les images de la crue</figcaption><iframe src="https://player.example/v/9"></iframe></figure>
  <p><a href="#copy">Copier le lien</a></p>
  ${sixth}
</article>
<aside>
  <div><h2>Follow Blog via Email</h2>
    <form><p>Enter your email address to follow this blog and receive notifications of new posts by email.</p>
    <p>Join 1,234 other subscribers</p><p><input type="email" placeholder="Email Address"></p><p><button type="submit">Follow</button></p></form>
  </div>
  <div><h2>Blog per E-Mail folgen</h2>
    <form><p>Gib deine E-Mail-Adresse an, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue Beiträge zu erhalten.</p>
    <p>Schließe dich 56 anderen Abonnenten an</p><p><input type="email"></p><p><button type="submit">Folgen</button></p></form>
  </div>
</aside></main>`;

/** The same follow box inside the article, as a theme's post footer places it. */
export const FOLLOW_BOX_IN_POST = `<div><p>Enter your email address to follow this blog and receive notifications of new posts by email.</p>
  <p>Join 1,234 other subscribers</p><p><button type="button">Follow</button></p></div>`;
