// Option values the survey screens hand out; a person may also type the words they stand for.
import { commandValues } from "./commands";

export const surveyValues = {
  list: commandValues.surveys,
  start: (key: string, waveId?: number) => (waveId ? `survey:${key}:w${waveId}` : `survey:${key}`),
  agree: "c:yes",
  disagree: "c:no",
  ageMinor: "age:minor",
  ageAdult: "age:adult",
  back: "s:back",
  skip: "s:skip",
  stop: "s:stop",
  done: "s:done",
  resume: "s:continue",
  review: "s:review",
  restart: "s:restart",
  eraseDelete: "erase:delete",
  eraseKeep: "erase:keep",
} as const;
