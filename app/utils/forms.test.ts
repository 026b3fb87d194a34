import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, parseForm } from "./forms";

describe("forms", () => {
  it("keeps repeated fields as arrays", () => {
    const data = new FormData();
    data.append("a", "1");
    data.append("b", "x");
    data.append("b", "y");
    expect(formDataToObject(data)).toEqual({ a: "1", b: ["x", "y"] });
  });

  it("maps zod issues to field errors with message keys", () => {
    const schema = z.object({ email: z.email("validation.email"), name: z.string().min(1, "validation.required") });
    const data = new FormData();
    data.append("email", "not-an-address");
    data.append("name", "");
    const parsed = parseForm(schema, data);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.fieldErrors).toEqual({ email: ["validation.email"], name: ["validation.required"] });
  });
});
