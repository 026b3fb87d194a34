import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { CatalogueContext, readDocumentCatalogue } from "~/utils/i18n-react";

// The page's language arrives once, as JSON in the document; changing language reloads the document.
const catalogue = readDocumentCatalogue(document);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <CatalogueContext.Provider value={catalogue}>
        <RemixBrowser />
      </CatalogueContext.Provider>
    </StrictMode>,
  );
});
