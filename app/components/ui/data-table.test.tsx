import { Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";
import { headerLabels } from "./data-table-labels";

describe("headerLabels", () => {
  it.each([
    [["Naam"], ["Naam"]],
    [[<span key="a">Buddy</span>], ["Buddy"]],
    [
      [
        <span key="a" className="visually-hidden">
          Acties
        </span>,
      ],
      [""],
    ],
    [[["Start", " ", 2026]], ["Start 2026"]],
    [
      [null, false, undefined],
      ["", "", ""],
    ],
    [
      [
        <abbr key="a" title="Gemiddelde">
          {"  Gem.\n  score "}
        </abbr>,
      ],
      ["Gem. score"],
    ],
  ])("%j gives %j", (headers, labels) => {
    expect(headerLabels(headers)).toEqual(labels);
  });
});

describe("DataTable", () => {
  const render = (showOrganisation: boolean) =>
    renderToStaticMarkup(
      <DataTable>
        <thead>
          <tr>
            <th scope="col">Naam</th>
            {showOrganisation ? <th scope="col">Organisatie</th> : null}
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Acties</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {["Amal", "Yonas"].map((name) => (
            <Fragment key={name}>
              <tr>
                <th scope="row">{name}</th>
                {showOrganisation ? <td>ZAS</td> : null}
                <td>wacht</td>
                <td>
                  <a href="/x">Bekijken</a>
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </DataTable>,
    );

  it("labels each body cell with its column's header, also when a column is left out", () => {
    const withOrganisation = render(true);
    expect(withOrganisation).toContain('<td role="cell" data-label="Organisatie">ZAS</td>');
    expect(withOrganisation).toContain('<td role="cell" data-label="Status">wacht</td>');
    const without = render(false);
    expect(without).not.toContain("Organisatie");
    expect(without).toContain('<td role="cell" data-label="Status">wacht</td>');
  });

  it("keeps table roles explicit and gives a column with a hidden header no visible label", () => {
    const html = render(false);
    expect(html).toMatch(/<table[^>]* role="table"/);
    expect(html.match(/role="rowgroup"/g)).toHaveLength(2);
    expect(html.match(/role="row"/g)).toHaveLength(3);
    expect(html).toContain('<th scope="col" role="columnheader">Naam</th>');
    expect(html).toContain('<th scope="row" role="rowheader" data-label="Naam">Amal</th>');
    expect(html).toContain('<td role="cell"><a href="/x">Bekijken</a></td>');
  });
});
