// How the office runs its inbox: where questions go when the person's commune is unknown, and how many working
// days officers have to answer. Channels fill it from QA_DEFAULT_UNIT and QA_DUE_WORKING_DAYS (src/config.ts).
export interface QaSettings {
  /** A unit code; the country unit ("VN") by default. */
  defaultUnitCode: string;
  dueWorkingDays: number;
}

export const DEFAULT_QA_SETTINGS: QaSettings = { defaultUnitCode: "VN", dueWorkingDays: 5 };
