import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { CatalogueContext, loadDocumentCatalogue } from "~/utils/i18n-react";

// The page's language comes as a file the document links (decision 143); changing language reloads the document.
// Without it the page is not hydrated and keeps working as the server sent it, forms included.
void loadDocumentCatalogue(document).then((catalogue) => {
  if (!catalogue) return;
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
});
