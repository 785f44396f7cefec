// What the engine needs from the rest of the system, as plain interfaces: the engine never sees a database,
// an HTTP framework or a chat library.

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
  citations: Array<{ document: string; article: string; articleId: number | null }>;
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
  getDocument(id: number): Promise<{ id: number; title: string; topicId: number | null } | null>;
  listArticles(documentId: number, page: number, pageSize: number): Promise<Page<ArticleSummary>>;
  getArticle(id: number): Promise<ArticleView | null>;
  listLessons(page: number, pageSize: number): Promise<Page<LessonSummary>>;
  getLesson(id: number): Promise<LessonView | null>;
  search(query: string, page: number, pageSize: number): Promise<Page<SearchHit>>;
}

export interface EngineDeps {
  content: ContentSource;
}
