// HR's organisation page says in plain words whether project partners see the organisation by name (its benchmark
// consent), in Dutch and English (decision 168).
import { describe, expect, it } from "vitest";
import * as hrOrganisation from "~/routes/hr.organisation";
import { translate } from "~/utils/i18n";
import { cookieOf, createCareOrganisation } from "../support/factories";
import { call, get } from "../support/requests";

type Body = { organisationName: string; partnersSeeName: boolean };

describe("HR's organisation page: visibility to partners", () => {
  it("tells an organisation with consent that partners see it by name, and one without that they do not", async () => {
    const named = createCareOrganisation({ benchmarkConsent: true });
    const anonymous = createCareOrganisation({ benchmarkConsent: false });
    const namedBody = (await call(hrOrganisation.loader, get("/hr/organisation", cookieOf(named.hr)))).body as Body;
    const anonymousBody = (await call(hrOrganisation.loader, get("/hr/organisation", cookieOf(anonymous.hr))))
      .body as Body;
    expect(namedBody).toMatchObject({ organisationName: named.organisation.name, partnersSeeName: true });
    expect(anonymousBody).toMatchObject({ organisationName: anonymous.organisation.name, partnersSeeName: false });

    expect(translate("nl", "hr.visibilityNamed", { organisation: named.organisation.name })).toBe(
      `Projectpartners zien ${named.organisation.name} bij naam in hun vergelijkingen van scanresultaten.`,
    );
    expect(translate("en", "hr.visibilityAnonymous", { organisation: "Zorg X" })).toContain(
      "do not see Zorg X by name",
    );
  });
});
