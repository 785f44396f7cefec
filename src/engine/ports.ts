// What the engine needs from the rest of the system, as plain interfaces: the engine never sees a database,
// an HTTP framework or a chat library.
import type { AnswerValue, ResponseStatus } from "../../surveys/schema";
import type { SurveyDefinition } from "../../surveys/schema";

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export interface TopicSummary {
  id: number;
  name: string;
  documentCount: number;
}

export interface DocumentSummary {
  id: number;
  title: string;
  articleCount: number;
  /** As citizens see it cited, marked when not in force: "Luật An ninh mạng 2018 (24/2018/QH14) – hết hiệu lực". */
  label: string;
  /** In force today (amended or not); lists show these first. */
  inForce: boolean;
}

/** A loaded document that replaces the one on screen: the button to the text in force. */
export interface ReplacementLink {
  documentId: number;
  /** "Luật An ninh mạng 2025 (116/2025/QH15)". */
  citation: string;
}

export interface ArticleSummary {
  id: number;
  number: string;
  title: string | null;
}

export interface ArticleView extends ArticleSummary {
  body: string;
  documentId: number;
  documentTitle: string;
  /** "Luật Hôn nhân và gia đình 2014 (52/2014/QH13)". */
  documentCitation: string;
  /** A plain notice shown first: replaced, expired, amended (src/content/law-notice.ts); null when current law. */
  notice: string | null;
  replacement: ReplacementLink | null;
  source: string | null;
  previousId: number | null;
  nextId: number | null;
  /** 1-based position of the article in its document, to return to the right page of the list. */
  position: number;
}

export interface LessonSummary {
  id: number;
  title: string;
  summary: string;
}

export interface LessonView extends LessonSummary {
  body: string;
  citations: Array<{
    document: string;
    article: string;
    articleId: number | null;
    /** "Điều 8 Luật Hôn nhân và gia đình 2014 (52/2014/QH13)", with "(hết hiệu lực)" when no longer in force. */
    label: string;
  }>;
}

export interface SearchHit {
  kind: "article" | "lesson";
  id: number;
  /** "Điều 56. Ly hôn theo yêu cầu của một bên" or a lesson title. */
  title: string;
  /** The document, for an article. */
  context: string | null;
}

export interface ContentSource {
  listTopics(): Promise<TopicSummary[]>;
  getTopic(id: number): Promise<{ id: number; name: string } | null>;
  listDocuments(topicId: number, page: number, pageSize: number): Promise<Page<DocumentSummary>>;
  getDocument(id: number): Promise<{
    id: number;
    title: string;
    topicId: number | null;
    citation: string;
    notice: string | null;
    replacement: ReplacementLink | null;
  } | null>;
  listArticles(documentId: number, page: number, pageSize: number): Promise<Page<ArticleSummary>>;
  getArticle(id: number): Promise<ArticleView | null>;
  listLessons(page: number, pageSize: number): Promise<Page<LessonSummary>>;
  getLesson(id: number): Promise<LessonView | null>;
  search(query: string, page: number, pageSize: number): Promise<Page<SearchHit>>;
  /** The id of the article numbered `number` ("51", "12a") in a published document, or null. */
  findArticleByNumber(documentId: number, number: string): Promise<number | null>;
  /** A published document's title and its first and last article numbers, or null (no such document). */
  articleRange(documentId: number): Promise<{ title: string; first: string; last: string } | null>;
  /** Published documents whose title contains these words (folded: diacritics optional), closest first. */
  findDocuments(name: string, limit: number): Promise<Array<{ id: number; title: string }>>;
}

export interface SurveyWaveView {
  id: number;
  name: string;
  /** The office responsible for the data (named in the consent text). */
  controller: string;
}

export interface ExistingResponse {
  id: string;
  status: ResponseStatus;
  /** The definition version it answers; an unfinished one of an older version cannot be continued. */
  surveyVersion: number;
  answers: Record<string, AnswerValue>;
  lastActivityAt: Date;
}

export interface UnitChoice {
  code: string;
  name: string;
  /** The province it is in now ("Tỉnh Bắc Ninh"). */
  province: string | null;
  /** For a match by a name it had before the 2025 mergers: that name and its old province. */
  formerly: string | null;
  /** Matched by a current or former name, not only by a similar spelling. */
  exact: boolean;
  /** How many of the other clues (province or district named, unit type typed) it fits: the best wins. */
  fit: number;
}

export interface SurveySource {
  /** Surveys a person can take now (an open wave exists). */
  listOpen(): Promise<Array<{ key: string; title: string }>>;
  definition(key: string): SurveyDefinition | null;
  /** The wave a new response goes to: the given one if open, else the survey's open national wave. */
  openWave(key: string, waveId?: number): Promise<SurveyWaveView | null>;
  existingResponse(contactId: string, waveId: number): Promise<ExistingResponse | null>;
  findUnits(text: string, level: "commune" | "province"): Promise<UnitChoice[]>;
}

/** A statute article found for a citizen's question, cited as the law names it. */
export interface ArticleMatch {
  articleId: number;
  /** The statute as imported: "Bộ luật dân sự". */
  documentTitle: string;
  /** As cited to citizens: "Bộ luật dân sự 2015 (91/2015/QH13)". */
  citation: string;
  /** False when the statute is not in force on the day asked (then it is ranked after every in-force match). */
  inForce: boolean;
  /** The article number as imported: "321". */
  number: string;
  /** "Quyền của bên thế chấp", or null for an article without a title. */
  title: string | null;
  /** The sentence (or clause) of the article that best matches the question, plain text. */
  snippet: string;
  score: number;
}

/** An answer officers approved, matched to a question confidently enough to give it as the answer. */
export interface ApprovedAnswerMatch {
  id: number;
  question: string;
  answer: string;
  citations: Array<{ document: string; article: string; articleId: number | null; label: string }>;
  score: number;
}

export interface QaAnswer {
  /** Given instead of the articles when a question matches an approved answer confidently. */
  approved: ApprovedAnswerMatch | null;
  /** The best articles for the question, best first (at most the limit asked for). */
  articles: ArticleMatch[];
}

/** Retrieval for questions asked in a citizen's own words (src/content implements it over the search index). */
export interface QaSource {
  answer(question: string, limit: number): Promise<QaAnswer>;
}

/** Where an escalated question goes and by when it is answered (src/qa implements it over units and rules). */
export interface EscalationRoute {
  unitId: number;
  /** As a citizen reads it: "Phường Ba Đình, Thành phố Hà Nội". */
  unitName: string;
  /** The topic of the best article's statute, which routing rules key on. */
  topicId: number | null;
  dueAt: Date;
}

export interface QuestionInbox {
  /** The inbox a question from this contact goes to, given the best article shown (or none). */
  route(contactId: string, bestArticleId: number | null): Promise<EscalationRoute>;
}

/** What a contact receives now, and where they said they live (src/subscriptions implements it). */
export interface SubscriptionStatus {
  /** Live subscriptions: "news" and topic slugs. */
  topics: string[];
  unit: { code: string; name: string; province: string | null } | null;
  optedOut: boolean;
}

export interface SubscriptionSource {
  status(contactId: string): Promise<SubscriptionStatus>;
  /** The topics a person may subscribe to (the topics table), in their display order. */
  listTopics(): Promise<Array<{ slug: string; name: string }>>;
}

export interface EngineDeps {
  content: ContentSource;
  qa: QaSource;
  inbox: QuestionInbox;
  surveys: SurveySource;
  subscriptions: SubscriptionSource;
  newId: () => string;
  now: () => Date;
}
