import type { Catalogue } from "../catalogue";
import type { sso as nl } from "../nl/sso";

export const sso: Catalogue<typeof nl> = {
  loginSectionTitle: "Sign in with your organisation",
  loginSectionIntro:
    "Does your organisation have its own sign-in (for example Microsoft)? Enter your work e-mail; you then sign in at your organisation, without a portal password.",
  emailLabel: "Work e-mail",
  continue: "Continue with your organisation",
  pageTitle: "Sign in with your organisation",
  pageIntro:
    "Enter your work e-mail. The domain (the part after the @) tells us your organisation, and we send you to its sign-in page.",
  withPassword: "Sign in with a password",
  redirectingTitle: "On your way to your organisation",
  redirecting: "You are going to the sign-in page of {organisation}. Nothing happens? Use the button.",
  redirectingButton: "Go to the sign-in page",
  callbackFailedTitle: "Signing in with your organisation did not work",
  tryAgain: "Try again",
  passwordRefused:
    "Your organisation signs everyone in through its own sign-in, so a portal password does not work: use ‘Continue with your organisation’ below.",
  resetRefused:
    "Your organisation signs everyone in through its own sign-in, so you have no portal password to reset. Sign in through your organisation; your password there is managed by your own IT department.",
  signedOutTitle: "You are signed out of the portal",
  signedOut: "We are now signing you out at your organisation too. Nothing happens? Use the button.",
  signedOutButton: "Also sign out at your organisation",
  homeDepartment: "Department {department}",
  errors: {
    unknownDomain:
      "No organisation in the portal signs in with this e-mail domain. Sign in with your password, or ask your HR department.",
    providerUnavailable: "Your organisation's sign-in cannot be reached right now. Try again in a few minutes.",
    stateUnknown: "This sign-in has already been used or was started in another browser. Start again.",
    stateExpired: "This sign-in took too long. Start again.",
    providerRefused:
      "Your organisation's sign-in did not let you in (cancelled or refused). Try again, or ask your IT department.",
    tokenInvalid:
      "The answer from your organisation's sign-in could not be verified, so you are not signed in. Try again; if it happens again, tell the portal administrator.",
    noAddress:
      "Your organisation's sign-in did not send an e-mail address, so we cannot tell who you are in the portal. Ask your IT department to include the e-mail address.",
    addressOutsideDomains:
      "The e-mail address your organisation sent is not one of your organisation's domains in the portal (or is not confirmed). Ask the portal administrator.",
    accountElsewhere:
      "This e-mail address already has an account with another organisation in the portal, and an account belongs to one organisation. Ask the portal administrator for help.",
    accountInactive: "Your portal account is deactivated. Ask your HR department.",
    alreadyLinked:
      "This account is already linked to another account at your organisation's sign-in. Ask the portal administrator for help.",
    badCallback: "This address is not a complete answer from a sign-in service. Start again from the sign-in page.",
    careProvidersOnly: "Signing in through the organisation is available for care organisations only.",
    checkFields: "Not saved. Check the marked fields.",
    domainTaken:
      "Not saved: the domain {domain} already belongs to another organisation. A domain belongs to one organisation.",
    notConfigured: "Signing in through the organisation is not set up for this organisation.",
    // Rate limit on starting a sign-in and on its callback (decision 103).
    tooManyStarts:
      "Too many attempts to sign in through an organisation from this address. Try again in {minutes} minutes.",
  },
  validation: {
    issuerUrl:
      "Enter the full issuer address, such as https://login.microsoftonline.com/<tenant-id>/v2.0 (without ? or #).",
    issuerHttps: "The issuer must use https.",
    issuerUnreachable: "This issuer does not answer. Check the address; nothing was saved.",
    issuerGarbage:
      "This address holds no valid OpenID Connect configuration (or it names another issuer). Check the address; nothing was saved.",
    domainsRequired: "Enter at least one e-mail domain.",
    domainInvalid: "Enter domains such as zas.be, one per line.",
    tooManyDomains: "At most 20 domains.",
    domainTaken: "One of these domains already belongs to another organisation.",
    claimName: "A claim name has letters, digits and . _ : - and starts with a letter.",
    breakGlassRequired:
      "Choose a break-glass account: if the sign-in service fails, someone of the organisation must still get in with a password.",
    secretUnreadable: "The stored client secret can no longer be read. Enter it again.",
  },
  admin: {
    link: "Sign-in through the organisation (SSO)",
    title: "Sign-in through the organisation",
    intro:
      "Staff of {organisation} sign in at their own identity provider (OpenID Connect, for example Microsoft Entra ID). Whoever signs in for the first time gets an employee account straight away.",
    statusOn: "On, last changed on {date}.",
    statusOff: "Not set up yet.",
    registerTitle: "Register the portal with the identity provider",
    redirectUri: "Redirect URI",
    logoutUri: "Post-logout redirect URI",
    issuer: "Issuer",
    issuerHint:
      "The identity provider's address; on saving, the portal fetches its configuration (…/.well-known/openid-configuration).",
    clientId: "Client ID",
    clientSecret: "Client secret",
    clientSecretHint: "Stored encrypted and never shown again.",
    clientSecretKeep: "Leave empty to keep the stored secret.",
    domains: "The organisation's e-mail domains",
    domainsHint: "One per line, for example zas.be. A domain can belong to one organisation only.",
    requireSso: "Everyone of the organisation signs in through the organisation",
    requireSsoHint: "Password sign-in and password reset are then refused, except for the break-glass account.",
    breakGlass: "Break-glass account (with password)",
    breakGlassHint:
      "An HR account of the organisation that can still sign in with a password, for when the identity provider fails.",
    noBreakGlass: "None",
    departmentClaim: "Claim with the department",
    departmentClaimHint: "For example department. New accounts land in the department of that name.",
    defaultDepartment: "Department when the claim is missing or unknown",
    noDepartment: "No department",
    save: "Check and save",
    saved: "Saved. The identity provider answered and the settings are active.",
    removeTitle: "Turn off",
    removeIntro: "Staff then sign in with a password again; whoever has none asks for one through ‘Forgot password’.",
    remove: "Turn off sign-in through the organisation",
    removed: "Sign-in through the organisation is turned off.",
  },
  // No portal password in an organisation that requires SSO (decision 104).
  inviteThroughOrganisation:
    "{organisation} signs everyone in through its own sign-in system, so you need no portal password: sign in with your organisation below. Your invitation is linked to your account at that first sign-in.",
  inviteRefused:
    "Your organisation signs everyone in through its own sign-in system, so you cannot choose a portal password. Sign in with your organisation; your invitation is then linked to your account.",
  accountNoPassword:
    "You sign in through your organisation, so you have no portal password to change. Your password there is managed by your own IT department.",
};
