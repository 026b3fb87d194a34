// What the import page's forms send, parsed before any use case sees it.
import { z } from "zod";
import { idField } from "~/utils/form-fields";

export const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: "import.file.choose" })
    .refine((f) => f.size > 0 || f.name !== "", { error: "import.file.choose" }),
});

export const ApplySchema = z.object({
  batchId: idField(),
  planHash: z.string().regex(/^[0-9a-f]{64}$/, "errors.badRequest"),
  deactivate: z.array(idField()).max(20_000).default([]),
  deactivateAll: z.literal("yes").optional(),
});

export const DiscardSchema = z.object({ batchId: idField() });

export const TemplateQuerySchema = z.object({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
  lang: z.enum(["nl", "en"]).default("nl"),
});
