// The page's language catalogue as a cacheable file (decision 143); public: it holds the portal's own texts only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueResponse } from "~/utils/catalogue.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  return catalogueResponse(params.locale, new URL(request.url).searchParams.get("v"));
}
