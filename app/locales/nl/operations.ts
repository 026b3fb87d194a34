// Dutch messages of the operations page (source catalogue; the English one must have the same keys).
export const operations = {
  link: "Werking: replicatie en gereedheid",
  title: "Werking",
  intro: "Hoe deze server ervoor staat: kan hij verkeer aan, en wordt de database continu naar een replica gekopieerd?",
  readiness: {
    title: "Gereedheid",
    migrations: "Databasemigraties",
    database: "Database",
    size: "Grootte van de database",
    applied: "alle uitgevoerd",
    pending: "nog niet alle uitgevoerd",
    unknown: "onbekend",
    writable: "beschrijfbaar",
    "read-only": "alleen-lezen",
    unavailable: "niet bereikbaar",
  },
  replication: {
    title: "Continue replicatie (Litestream)",
    state: "Toestand",
    states: {
      off: "uit",
      starting: "start op",
      running: "actief",
      failing: "mislukt",
      stopped: "gestopt",
    },
    offHelp:
      "Zonder REPLICA_URL is er geen continue kopie: alleen wat npm run backup met de hand maakt. Stel REPLICA_URL in op een map of een S3-bucket.",
    replica: "Replica",
    since: "Gestart",
    lastReplicatedAt: "Laatst naar de replica gekopieerd",
    never: "nog niet",
    lastError: "Laatste fout",
    restarts: "Herstarts van Litestream",
    failingAlert:
      "De replicatie mislukt: nieuwe gegevens worden niet naar de replica gekopieerd. Laatste fout: {message}",
  },
};
