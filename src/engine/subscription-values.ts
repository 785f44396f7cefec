// The option values of the subscription dialogue (they double as typed commands) and the news topic's key.

/** The general news subscription every "Đăng ký nhận tin" gives (db/schema/subscriptions NEWS_SUBSCRIPTION). */
export const NEWS_TOPIC = "news";

/** Option values of the dialogue; all start with "subs" so the router knows them. */
export const subscriptionValues = {
  start: "subs",
  agree: "subs:yes",
  disagree: "subs:no",
  topics: "subs:topics",
  topic: (slug: string) => `subs:t:${slug}`,
  topicsDone: "subs:t-done",
  unit: "subs:unit",
  unitSkip: "subs:unit-skip",
  unitPick: (code: string) => `subs:u:${code}`,
  list: "subs:list",
  cancel: "subs:cancel",
  cancelTopic: (slug: string) => `subs:x:${slug}`,
  cancelAll: "subs:stop",
} as const;
