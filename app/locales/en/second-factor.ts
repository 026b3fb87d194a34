import type { Catalogue } from "../catalogue";
import type { secondFactor as nl } from "../nl/second-factor";

export const secondFactor: Catalogue<typeof nl> = {
  title: "Two-step verification",
  intro:
    "With a second step at sign-in, a stolen password alone is not enough: you also confirm with a code from an app on your phone.",
  statusOn: "On. {count, plural, one {# recovery code left.} other {# recovery codes left.}}",
  statusOff: "Off.",
  statusPending: "Set-up in progress: scan the code and confirm with a code from the app.",
  required: "Two-step verification is required for your role.",
  demoOffer:
    "In the demo it is not required, so the demo accounts keep working as printed. Outside the demo you set it up at your first sign-in.",
  manage: "Manage two-step verification",
  start: "Set up two-step verification",
  restart: "Start again with a new key",
  enrolTitle: "Set up two-step verification",
  enrolRequiredIntro: "Your role requires a second step at sign-in. Set it up now: it takes a minute.",
  step1:
    "Install an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or FreeOTP.",
  step2: "Scan the QR code with the app, or type in the key below.",
  step3: "Enter the 6-digit code the app shows now.",
  qrAlt: "QR code that puts the two-step verification key into your authenticator app",
  secretLabel: "Key to type in",
  openInApp: "On this phone, open in the authenticator app",
  codeLabel: "Code",
  codeHint: "The 6 digits from the app, or one of your recovery codes.",
  totpHint: "The 6 digits the app shows now.",
  confirm: "Turn on",
  challengeTitle: "Confirm it is you",
  challengeIntro:
    "Open the authenticator app on your phone and enter the 6-digit code. Phone not at hand? Use one of your recovery codes.",
  verify: "Confirm",
  cancel: "Cancel and go back to sign-in",
  recoveryTitle: "Your recovery codes",
  recoveryIntro:
    "Keep these ten codes somewhere safe, printed or in a password manager. Each works once, when your phone is not at hand. They will not be shown again.",
  recoveryLow:
    "You have only a few recovery codes left. Turn two-step verification off and on again for ten new ones, or ask the administrator.",
  continue: "Continue to the portal",
  enabled: "Two-step verification is on. Your other sessions have been signed out.",
  disableTitle: "Turn off",
  disableIntro: "Enter your password and a code from the app (or a recovery code).",
  disable: "Turn off two-step verification",
  disabled: "Two-step verification is off.",
  codeInvalid: "Enter the 6 digits from the app, or a 10-character recovery code.",
  codeWrong: "This code is wrong or has been used. Wait for the next code in the app and try again.",
  challengeExpired: "Your sign-in has expired or is already complete. Please sign in again.",
  notPending: "No set-up is in progress. Please start again.",
  alreadyOn: "Two-step verification is already on.",
  notOn: "Two-step verification is not on.",
  requiredCannotDisable:
    "Your role requires two-step verification, so you cannot turn it off. New phone? Ask the administrator to reset it.",
  adminColumn: "Two-step",
  adminOn: "on",
  adminReset: "Reset two-step verification",
  adminResetDone:
    "Two-step verification has been reset. The user has been signed out and, where required, sets it up again at the next sign-in.",
  requireForHr: "HR signs in with two-step verification",
  requireForHrHelp: "Always required for administrators and project partners; for other staff it stays a choice.",
};
