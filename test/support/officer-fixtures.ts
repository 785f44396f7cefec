// A small world for officer tests: a national admin, one officer of each role in Hà Nội (province "01"), and
// content and officers both inside Hà Nội (commune Ba Đình, "00004") and outside it (Hồ Chí Minh City, "79").
// Everything outside carries OUT_OF_SCOPE_MARKER in its name, so a response can be checked for leaks.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/db";
import { units, type OfficerRole } from "../../db/schema/index";
import { bootstrapOfficer } from "../../src/officers/bootstrap";
import { authenticateToken } from "../../src/officers/authenticate";
import { createArticle, createDocument } from "../../src/content/document-admin";
import { createLesson } from "../../src/content/lesson-admin";
import { createOfficer } from "../../src/officers/officer-service";
import { createWave } from "../../src/surveys/survey-admin";
import type { Principal } from "../../src/officers/principal";
import { createTestApp } from "./test-app";
import { createTestDb } from "./test-db";

export const OUT_OF_SCOPE_MARKER = "NGOAI-PHAM-VI";
export const ROLES: OfficerRole[] = ["admin", "manager", "officer", "viewer"];

export interface OfficerWorld {
  national: { token: string; principal: Principal };
  /** One token per role, all scoped to province 01. */
  tokens: Record<OfficerRole, string>;
  principals: Record<OfficerRole, Principal>;
  inside: {
    communeCode: string;
    documentId: number;
    articleId: number;
    lessonId: number;
    officerId: string;
    waveId: number;
  };
  outside: {
    provinceCode: string;
    communeCode: string;
    documentId: number;
    articleId: number;
    lessonId: number;
    officerId: string;
    waveId: number;
  };
}

let counter = 0;
export const unique = (prefix: string) =>
  `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

export async function createOfficerWorld(db: Db): Promise<OfficerWorld> {
  const nationalCreds = await bootstrapOfficer(db, {
    name: "Quản trị quốc gia",
    email: "quoc-gia@loa.test",
    role: "admin",
    unitCode: "VN",
  });
  const national = await authenticateToken(db, nationalCreds.token);
  const tokens = {} as Record<OfficerRole, string>;
  const principals = {} as Record<OfficerRole, Principal>;
  for (const role of ROLES) {
    const creds = await bootstrapOfficer(db, {
      name: `Hà Nội ${role}`,
      email: `ha-noi-${role}@loa.test`,
      role,
      unitCode: "01",
    });
    tokens[role] = creds.token;
    principals[role] = (await authenticateToken(db, creds.token))!;
  }

  const makeContent = async (unitCode: string, label: string) => {
    const document = await createDocument(db, national!, { title: `Văn bản ${label}`, unitCode });
    const article = await createArticle(db, national!, document.id, {
      number: "1",
      title: `Điều khoản ${label}`,
      body: `Nội dung ${label}.`,
    });
    const lesson = await createLesson(db, national!, {
      title: `Bài ${label}`,
      summary: `Tóm tắt ${label}`,
      body: `Nội dung bài ${label}`,
      unitCode,
    });
    const wave = await createWave(db, national!, "answer_feedback", {
      name: `Đợt ${label}`,
      unitCode,
      controller: `Sở Tư pháp ${label}`,
      startsAt: new Date("2026-11-01T00:00:00+07:00"),
    });
    return { documentId: document.id, articleId: article!.id, lessonId: lesson.id, waveId: wave!.id };
  };
  const outsideCommuneCode = await communeOf(db, "79");
  const inside = await makeContent("00004", "trong phạm vi");
  const outside = await makeContent(outsideCommuneCode, OUT_OF_SCOPE_MARKER);
  const insideOfficer = await createOfficer(db, national!, {
    name: "Cán bộ Ba Đình",
    email: "ba-dinh@loa.test",
    role: "viewer",
    unitCode: "00004",
  });
  const outsideOfficer = await createOfficer(db, national!, {
    name: `Cán bộ ${OUT_OF_SCOPE_MARKER}`,
    email: "ngoai-pham-vi@loa.test",
    role: "viewer",
    unitCode: "79",
  });

  return {
    national: { token: nationalCreds.token, principal: national! },
    tokens,
    principals,
    inside: { communeCode: "00004", ...inside, officerId: insideOfficer.officer.id },
    outside: { provinceCode: "79", communeCode: outsideCommuneCode, ...outside, officerId: outsideOfficer.officer.id },
  };
}

async function communeOf(db: Db, provinceCode: string): Promise<string> {
  const [province] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.code, provinceCode), eq(units.kind, "province")));
  const [commune] = await db
    .select({ code: units.code })
    .from(units)
    .where(eq(units.parentId, province!.id))
    .orderBy(units.code)
    .limit(1);
  return commune!.code;
}

/** A fresh test database with the officer world and the app on it, for the officer API test files. */
/** `seed`: "full" where what the bot answers depends on every statute (retrieval ranks over the whole corpus). */
export async function openOfficerWorld(seed: "quick" | "full" = "quick") {
  const handle = await createTestDb({ seed });
  return { handle, app: createTestApp(handle.db), world: await createOfficerWorld(handle.db) };
}
