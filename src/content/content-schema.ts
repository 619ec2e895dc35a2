import { z } from 'astro/zod';

/**
 * Zod schemas of the content model, shared by the Astro content collections and the
 * content checker (`npm run check:content`), so both accept exactly the same files.
 * Dates are kept as `YYYY-MM-DD` strings: a legal date has no time zone.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` (or a YAML date); impossible dates such as 2020-02-30 are refused. */
const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
  const match = DATE.exec(text);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `invalid date "${String(value)}"`, params: { hint: 'write dates as YYYY-MM-DD, e.g. 2020-07-26' } });
    return z.NEVER;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes every year as written.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    ctx.addIssue({ code: 'custom', message: `impossible date ${text}: there is no such day`, params: { hint: 'check the day and the month (YYYY-MM-DD)' } });
    return z.NEVER;
  }
  return text;
});

/** The address of an official publication (the designated text, the letter, an annex): https only. */
const officialSource = z.string().refine(isHttpsUrl, {
  message: 'an official address must be a full https:// address, e.g. https://smartenergycodecompany.co.uk/…',
});

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Lower-case ids used in URLs: `tmad`, `2020-07-24-smets1-tmad-s1sr`. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');

/** A version number as written: `6.0`, `4.0-aclara-draft`. */
export const versionNumberSchema = z.string().regex(/^\d+(?:\.\d+)*(?:-[a-z0-9]+)*$/, 'write versions as 6.0, or 6.0-draft for a draft');

/** Front matter of `documents/<id>/index.md`. */
export const documentSchema = z.strictObject({
  title: z.string().min(1),
  shortName: z.string().min(1),
  secReference: z.string().min(1),
  parent: idSchema.optional(),
  order: z.number().int().optional(),
  /** The address the document's root-relative links (`/articles/…`) are relative to: they are written absolute against it. */
  linksBase: z.string().url().optional(),
});

/** Front matter of `documents/<id>/v<version>.md`. */
export const versionSchema = z
  .strictObject({
    version: z.union([versionNumberSchema, z.number().transform(String)]),
    status: z.enum(['designated', 'consultation-draft', 'superseded']),
    label: z.string().min(1).optional(),
    designated: isoDate.optional(),
    effective: isoDate.optional(),
    direction: idSchema.optional(),
    consultations: z.array(idSchema).optional(),
    published: isoDate.optional(),
    /** Where the official text of this version is published, when known. */
    source: officialSource.optional(),
    illustrative: z.boolean().default(false),
  })
  .superRefine((version, ctx) => {
    if (version.status !== 'consultation-draft') {
      for (const field of ['designated', 'effective'] as const) {
        if (!version[field]) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `a ${version.status} version needs "${field}"`,
            params: { hint: `add ${field}: YYYY-MM-DD (${field === 'designated' ? 'the date of the direction' : 'the date of legal effect'}), or set status: consultation-draft` },
          });
        }
      }
    } else if (!version.published) {
      ctx.addIssue({
        code: 'custom',
        path: ['published'],
        message: 'a consultation draft needs "published"',
        params: { hint: 'add published: YYYY-MM-DD, the day the draft was published for consultation' },
      });
    }
    if (version.designated && version.effective && version.effective < version.designated) {
      ctx.addIssue({
        code: 'custom',
        path: ['effective'],
        message: `legal effect (${version.effective}) is before designation (${version.designated})`,
        params: { hint: 'a version takes effect on or after the day it is designated: check both dates' },
      });
    }
  });

const annexSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{1,2}$/, 'annexes are lettered A, B, C…'),
  kind: z.enum(['designated-text', 'marked-up', 'matrix', 'other']),
  title: z.string().min(1),
  document: idSchema.optional(),
  version: z.union([versionNumberSchema, z.number().transform(String)]).optional(),
  against: z.union([versionNumberSchema, z.number().transform(String)]).optional(),
  source: officialSource.optional(),
});

const consultationSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1),
    by: z.string().min(1),
    opened: isoDate,
    closed: isoDate,
    submitted: isoDate.optional(),
    responses: z.number().int().nonnegative(),
    documents: z.array(idSchema).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.closed < c.opened) {
      ctx.addIssue({
        code: 'custom',
        path: ['closed'],
        message: `consultation closes (${c.closed}) before it opens (${c.opened})`,
        params: { hint: 'check the opened and closed dates: they may be the wrong way round' },
      });
    }
  });

/** Front matter of `directions/<id>.md`. */
export const directionSchema = z.strictObject({
  date: isoDate,
  title: z.string().min(1),
  issuer: z.string().min(1),
  onBehalfOf: z.string().min(1).optional(),
  signatory: z.strictObject({ name: z.string().min(1), role: z.string().min(1) }),
  addressees: z.array(z.string().min(1)).min(1),
  powers: z.string().min(1).optional(),
  /** Where the official letter is published, when known. */
  source: officialSource.optional(),
  designations: z
    .array(
      z.strictObject({
        document: idSchema,
        version: z.union([versionNumberSchema, z.number().transform(String)]),
        effective: isoDate,
        annexes: z.array(z.string()).default([]),
      }),
    )
    .min(1),
  annexes: z.array(annexSchema).default([]),
  consultations: z.array(consultationSchema).default([]),
  illustrative: z.boolean().default(false),
});

export type DocumentData = z.output<typeof documentSchema>;
export type VersionData = z.output<typeof versionSchema>;
export type DirectionData = z.output<typeof directionSchema>;
