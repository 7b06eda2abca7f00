// @vitest-environment jsdom
/**
 * Every text signal in each language we read: on a small page in that language, the comment
 * section, a related block, a newsletter box, a share label, an ad label and a "read more" lead-in
 * are found, and a byline, dates and a skip link are recognised; an article sentence holding one of
 * those words is not, nor a heading that names the piece's genre ("Kommentar", like "Comment").
 */
import { describe, expect, it } from 'vitest';
import { compileClutterRules, findBodyAnchor, findClutter, normaliseLabel } from '../../../src/clutter';
import { hasDate, isBylineLike, isDateline, isInterfaceLabel } from '../../../src/extract/boilerplate';

interface Language {
  comments: string;
  related: string;
  newsletter: string;
  subscribe: string;
  share: string;
  ad: string;
  leadIn: string;
  byline: string;
  relativeDate: string;
  date: string;
  skipLink: string;
  /** A heading that names an opinion piece, which must stay. */
  genre?: string;
  /** An article sentence holding a word of the comment, share or read-more labels. */
  sentence: string;
  /** A sentence opening with the byline's word, which is no byline. */
  notByline: string;
  /** A sentence holding a relative time that is no date. */
  notDate: string;
  /** A sentence holding an interface word. */
  notInterface: string;
}

const LANGUAGES: Record<string, Language> = {
  English: {
    comments: 'Leave a Reply',
    related: 'You may also like',
    newsletter: 'Follow Blog via Email',
    subscribe: 'Follow',
    share: 'Copy link to this article',
    ad: 'Advertisement',
    leadIn: 'READ MORE:',
    byline: 'Posted by Jane Doe',
    relativeDate: '3 hours ago',
    date: 'Published March 5, 2024',
    skipLink: 'Skip to content',
    genre: 'Comment',
    sentence:
      'Readers left more than 300 comments on the council website, and most asked to share the cost of the new crossing.',
    notByline: 'The plan was drawn up by engineers from the city and approved on Tuesday.',
    notDate: 'Years ago the family moved to the coast and opened a small bakery by the harbour.',
    notInterface: 'The search for the missing walkers was called off at nightfall.',
  },
  German: {
    comments: 'Schreibe einen Kommentar',
    related: 'Ähnliche Beiträge',
    newsletter: 'Zum Newsletter anmelden',
    subscribe: 'Jetzt anmelden',
    share: 'Artikel teilen',
    ad: 'Anzeige',
    leadIn: 'LESEN SIE AUCH:',
    byline: 'Von Anna Schmidt',
    relativeDate: 'vor 3 Stunden',
    date: '5. März 2024, 14:30 Uhr',
    skipLink: 'Zum Inhalt springen',
    genre: 'Kommentar',
    sentence:
      'Die Kommentare des Ministers zum Haushalt sorgten am Dienstag im Parlament für eine lange und hitzige Debatte.',
    notByline: 'Von der Leyen sagte am Montag, die Kommission werde den Plan genau prüfen.',
    notDate: 'Vor drei Jahren zog die Familie nach Hamburg und eröffnete dort eine kleine Bäckerei.',
    notInterface: 'Die Suche nach den Vermissten wurde am Abend eingestellt.',
  },
  French: {
    comments: 'Laisser un commentaire',
    related: 'À lire aussi',
    newsletter: 'Inscrivez-vous à notre newsletter',
    subscribe: "Je m'inscris",
    share: 'Partager cet article',
    ad: 'Publicité',
    leadIn: 'LIRE AUSSI :',
    byline: 'Par Jean Dupont',
    relativeDate: 'il y a 2 heures',
    date: 'Publié le 5 mars 2024 à 14h30',
    skipLink: 'Aller au contenu',
    genre: 'Commentaire',
    sentence: "Les commentaires du ministre sur le budget ont provoqué mardi un long débat à l'Assemblée nationale.",
    notByline: "Par ailleurs, la mairie a décidé de rénover le pont avant l'été.",
    notDate: 'Il y a des années que les habitants réclament une nouvelle piste cyclable.',
    notInterface: 'La recherche des disparus a été suspendue dans la soirée.',
  },
  Spanish: {
    comments: 'Deja una respuesta',
    related: 'Noticias relacionadas',
    newsletter: 'Suscríbete a nuestro boletín',
    subscribe: 'Suscribirse',
    share: 'Compartir en Facebook',
    ad: 'Publicidad',
    leadIn: 'LEE TAMBIÉN:',
    byline: 'Por Ana García',
    relativeDate: 'hace 3 horas',
    date: '5 de marzo de 2024',
    skipLink: 'Saltar al contenido',
    genre: 'Comentario',
    sentence: 'Los comentarios del ministro sobre el presupuesto provocaron el martes un largo debate en el Congreso.',
    notByline: 'Por eso el ayuntamiento decidió cerrar el puente durante el verano.',
    notDate: 'Hace años que los vecinos piden un nuevo carril bici en el barrio.',
    notInterface: 'La búsqueda de los desaparecidos se suspendió por la noche.',
  },
  Italian: {
    comments: 'Lascia un commento',
    related: 'Articoli correlati',
    newsletter: 'Iscriviti alla newsletter',
    subscribe: 'Iscriviti',
    share: 'Condividi su Facebook',
    ad: 'Pubblicità',
    leadIn: 'LEGGI ANCHE:',
    byline: 'Di Mario Rossi',
    relativeDate: '3 ore fa',
    date: '5 marzo 2024',
    skipLink: 'Vai al contenuto',
    genre: 'Commento',
    sentence: 'I commenti del ministro sul bilancio hanno provocato martedì un lungo dibattito alla Camera.',
    notByline: 'Di solito il mercato apre alle otto e chiude a mezzogiorno.',
    notDate: 'Tre anni fa la famiglia si è trasferita a Milano per lavoro.',
    notInterface: 'La ricerca dei dispersi è stata sospesa in serata.',
  },
  Dutch: {
    comments: 'Geef een reactie',
    related: 'Gerelateerde artikelen',
    newsletter: 'Schrijf je in voor onze nieuwsbrief',
    subscribe: 'Inschrijven',
    share: 'Deel dit artikel',
    ad: 'Advertentie',
    leadIn: 'LEES OOK:',
    byline: 'Door Jan de Vries',
    relativeDate: '3 uur geleden',
    date: '5 maart 2024',
    skipLink: 'Ga naar de inhoud',
    genre: 'Commentaar',
    sentence: 'De reacties van de minister op de begroting leidden dinsdag tot een lang debat in de Tweede Kamer.',
    notByline: 'Door de regen werd de wedstrijd van zaterdag afgelast.',
    notDate: 'Drie jaar geleden verhuisde het gezin naar Utrecht.',
    notInterface: "Het zoeken naar de vermiste wandelaars is 's avonds gestaakt.",
  },
  Portuguese: {
    comments: 'Deixe um comentário',
    related: 'Notícias relacionadas',
    newsletter: 'Assine nossa newsletter',
    subscribe: 'Cadastre-se',
    share: 'Compartilhe este artigo',
    ad: 'Publicidade',
    leadIn: 'LEIA TAMBÉM:',
    byline: 'Por João Silva',
    relativeDate: 'há 3 horas',
    date: '5 de março de 2024',
    skipLink: 'Pular para o conteúdo',
    genre: 'Comentário',
    sentence: 'Os comentários do ministro sobre o orçamento provocaram na terça-feira um longo debate na Câmara.',
    notByline: 'Por isso a prefeitura decidiu fechar a ponte durante o verão.',
    notDate: 'Há anos os moradores pedem uma nova ciclovia no bairro.',
    notInterface: 'A busca pelos desaparecidos foi suspensa à noite.',
  },
  Polish: {
    comments: 'Dodaj komentarz',
    related: 'Przeczytaj także',
    newsletter: 'Zapisz się do newslettera',
    subscribe: 'Zapisz się',
    share: 'Udostępnij na Facebooku',
    ad: 'Reklama',
    leadIn: 'CZYTAJ TAKŻE:',
    byline: 'Autor: Jan Kowalski',
    relativeDate: '3 godziny temu',
    date: '5 marca 2024',
    skipLink: 'Przejdź do treści',
    genre: 'Komentarz',
    sentence: 'Komentarze ministra na temat budżetu wywołały we wtorek długą debatę w Sejmie.',
    notByline: 'Przez całą noc strażacy walczyli z pożarem w centrum miasta.',
    notDate: 'Trzy lata temu rodzina przeprowadziła się do Krakowa.',
    notInterface: 'Więcej informacji minister przekaże w czwartek.',
  },
  Swedish: {
    comments: 'Lämna ett svar',
    related: 'Läs också',
    newsletter: 'Prenumerera på vårt nyhetsbrev',
    subscribe: 'Prenumerera',
    share: 'Dela artikeln',
    ad: 'Annons',
    leadIn: 'LÄS ÄVEN:',
    byline: 'Av Anna Svensson',
    relativeDate: 'för 3 timmar sedan',
    date: '5 mars 2024',
    skipLink: 'Hoppa till innehåll',
    genre: 'Kommentar',
    sentence: 'Ministerns kommentarer om budgeten ledde på tisdagen till en lång debatt i riksdagen.',
    notByline: 'Av alla städer i landet är Malmö den som växer snabbast.',
    notDate: 'För tre år sedan flyttade familjen till Göteborg.',
    notInterface: 'Sökandet efter de försvunna avbröts på kvällen.',
  },
  Danish: {
    comments: 'Skriv et svar',
    related: 'Læs også',
    newsletter: 'Tilmeld dig vores nyhedsbrev',
    subscribe: 'Tilmeld',
    share: 'Del artiklen',
    ad: 'Annonce',
    leadIn: 'LÆS OGSÅ:',
    byline: 'Af Lars Hansen',
    relativeDate: 'for 3 timer siden',
    date: '5. marts 2024',
    skipLink: 'Spring til indhold',
    genre: 'Kommentar',
    sentence: 'Ministerens kommentarer om finansloven førte tirsdag til en lang debat i Folketinget.',
    notByline: 'Af alle byer i landet vokser Aarhus hurtigst.',
    notDate: 'For tre år siden flyttede familien til Odense.',
    notInterface: 'Eftersøgningen blev indstillet om aftenen.',
  },
  'Chinese (simplified)': {
    comments: '发表评论',
    related: '相关文章',
    newsletter: '邮件订阅',
    subscribe: '订阅',
    share: '分享到：',
    ad: '广告',
    leadIn: '相关阅读：',
    byline: '作者：张三',
    relativeDate: '3小时前',
    date: '2024年3月5日 10:30',
    skipLink: '跳至内容',
    genre: '评论',
    sentence: '网友的评论大多支持这项计划，市政府表示将在下个月分享最终方案的更多细节。',
    notByline: '作者在书中回顾了这座城市过去三十年的变化和居民的生活。',
    notDate: '三年前，这家人搬到了上海，在老城区开了一家小面包店。',
    notInterface: '搜索救援工作在夜间暂停，将于明天早上恢复。',
  },
  'Chinese (traditional)': {
    comments: '發表評論',
    related: '延伸閱讀',
    newsletter: '訂閱電子報',
    subscribe: '訂閱',
    share: '分享',
    ad: '廣告',
    leadIn: '相關閱讀：',
    byline: '記者 王小明',
    relativeDate: '3小時前',
    date: '2024年3月5日',
    skipLink: '跳到主要內容',
    genre: '評論',
    sentence: '網友的評論大多支持這項計畫，市政府表示將在下個月公布最終方案。',
    notByline: '記者會上，市長回答了關於預算的問題。',
    notDate: '三年前，這家人搬到了台北，在老城區開了一家小麵包店。',
    notInterface: '搜尋救援工作在夜間暫停，將於明天早上恢復。',
  },
  Japanese: {
    comments: 'コメントを書く',
    related: '関連記事',
    newsletter: 'メルマガ登録',
    subscribe: '購読する',
    share: 'この記事をシェアする',
    ad: 'スポンサーリンク',
    leadIn: 'あわせて読みたい：',
    byline: '文：山田太郎',
    relativeDate: '3時間前',
    date: '2024年3月5日',
    skipLink: 'コンテンツへスキップ',
    sentence: '市長のコメントは議会で大きな議論を呼び、計画は来月に再検討される見通しだ。',
    notByline: '文化祭は来週の土曜日に開かれる予定で、多くの来場者が見込まれている。',
    notDate: '三年前、一家は大阪に引っ越し、小さなパン屋を開いた。',
    notInterface: '検索結果によると、この地域の人口は過去十年で減少している。',
  },
  Korean: {
    comments: '댓글 쓰기',
    related: '관련 기사',
    newsletter: '뉴스레터 구독',
    subscribe: '구독하기',
    share: '공유하기',
    ad: '광고',
    leadIn: '관련기사:',
    byline: '홍길동 기자',
    relativeDate: '3시간 전',
    date: '2024년 3월 5일',
    skipLink: '본문 바로가기',
    sentence: '시장의 댓글에 대한 반응은 엇갈렸으며 시의회는 다음 달 계획을 다시 검토할 예정이다.',
    notByline: '기자회견에서 시장은 예산에 관한 질문에 답했다.',
    notDate: '삼 년 전 가족은 부산으로 이사해 작은 빵집을 열었다.',
    notInterface: '검색 결과에 따르면 이 지역의 인구는 지난 10년 동안 줄었다.',
  },
};

const PROSE = (n: number, sentence: string): string =>
  `<p>${sentence}</p><p>${n}. ${'The council approved the plan on Tuesday after a long debate about its cost and timing. '.repeat(2)}</p>`;

/** A story in the language, then the clutter around it, none of it marked by a class. */
function page(l: Language): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><body>
      <article><h1>Headline</h1><div class="text">
        ${l.genre ? `<h2 id="genre">${l.genre}</h2>` : ''}
        ${PROSE(1, l.sentence)}
        <p id="lead-in"><strong>${l.leadIn}</strong> <a href="/other-story">Another story from the same week</a></p>
        ${PROSE(2, l.sentence)}
        <div><span id="ad">${l.ad}</span></div>
        ${PROSE(3, l.sentence)}
        <div id="share"><span>${l.share}</span><a href="#copy"><svg></svg></a></div>
      </div></article>
      <section id="comments-block"><h2>${l.comments}</h2><ol><li><p>Great piece.</p></li><li><p>I disagree.</p></li></ol></section>
      <aside id="related-block"><h3>${l.related}</h3><ul><li><a href="/a">First story</a></li><li><a href="/b">Second story</a></li></ul></aside>
      <div id="newsletter-block"><h3>${l.newsletter}</h3><form><input type="email"><button type="submit">${l.subscribe}</button></form></div>
    </body></html>`,
    'text/html',
  );
}

describe.each(Object.entries(LANGUAGES))('%s', (_name, l) => {
  it('finds each kind of clutter on the page, and none of the article', () => {
    const doc = page(l);
    const compiled = compileClutterRules(undefined, { host: 'news.example' });
    const anchor = findBodyAnchor(doc.body);
    const matches = findClutter(doc.body, compiled, { protect: anchor ? [anchor] : [] });
    const categoryOf = (id: string): string | undefined => {
      const element = doc.getElementById(id) as Element;
      return matches.find((m) => m.element === element || m.element.contains(element))?.category;
    };
    expect(categoryOf('comments-block'), l.comments).toBe('comments');
    expect(categoryOf('related-block'), l.related).toBe('related');
    expect(categoryOf('newsletter-block'), l.newsletter).toBe('newsletters');
    expect(categoryOf('share'), l.share).toBe('share');
    expect(categoryOf('ad'), l.ad).toBe('ads');
    expect(categoryOf('lead-in'), l.leadIn).toBe('related');
    if (l.genre) expect(categoryOf('genre'), `the genre heading "${l.genre}"`).toBeUndefined();
    for (const paragraph of Array.from(doc.querySelectorAll('.text > p:not(#lead-in)'))) {
      const hidden = matches.some((m) => m.element === paragraph || m.element.contains(paragraph));
      expect(hidden, paragraph.textContent ?? '').toBe(false);
    }
  });

  it('recognises a byline, dates and an interface label, and not a sentence with their words', () => {
    expect(isBylineLike(l.byline, []), l.byline).toBe(true);
    expect(isDateline(l.relativeDate), l.relativeDate).toBe(true);
    expect(isDateline(l.date), l.date).toBe(true);
    expect(hasDate(l.date), l.date).toBe(true);
    expect(isInterfaceLabel(normaliseLabel(l.skipLink)), l.skipLink).toBe(true);
    expect(isBylineLike(l.notByline, []), l.notByline).toBe(false);
    expect(isDateline(l.notDate), l.notDate).toBe(false);
    expect(isDateline(l.sentence), l.sentence).toBe(false);
    expect(isInterfaceLabel(normaliseLabel(l.notInterface)), l.notInterface).toBe(false);
    expect(isInterfaceLabel(normaliseLabel(l.sentence)), l.sentence).toBe(false);
  });
});
