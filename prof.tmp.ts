import { createPrismaClient } from './lib/db/client';
import { streamSource } from './lib/import/readers';
import { runImport } from './lib/import/run';
import { openBenchDatabase } from './bench/database';
const N = 20000;
const header = '"id","pivot","nom","commune","code_postal","code_insee","adresse","complement_adresse","latitude","longitude","typologie","telephone","courriels","site_web","horaires","presentation_resume","presentation_detail","source","itinerance","structure_parente","date_maj","services","publics_specifiquement_adresses","prise_en_charge_specifique","frais_a_charge","dispositif_programmes_nationaux","formations_labels","autres_formations_labels","modalites_acces","modalites_accompagnement","fiche_acces_libre","prise_rdv"';
const lines = [header];
for (let i = 0; i < N; i++) {
  const lat = (43 + (i % 800) / 100).toFixed(5);
  const lng = (-1 + (i % 900) / 100).toFixed(5);
  lines.push(`"s-${i}","12345678900012","Espace numérique ${i}","Commune ${i % 3000}","${String(10000 + (i % 80000)).padStart(5, '0')}","","${1 + (i % 99)} rue de la Gare","","${lat}","${lng}","EPN","+33241000000","contact${i}@exemple.fr","https://exemple.fr/${i}","Mo-Fr 09:00-12:00,14:00-17:00; PH off","Aide au numérique","","Bench","Fixe","","2025-01-15","Aide aux démarches administratives|Accès internet et matériel informatique","Seniors","","Gratuit","Conseillers numériques","","","Se présenter|Téléphoner","Accompagnement individuel","",""`);
}
(async () => {
  const database = await openBenchDatabase('imp_prof');
  const db = createPrismaClient(database.url, { max: 4 });
  console.log('rss start', Math.round(process.memoryUsage().rss / 1e6));
  const t = performance.now();
  const r = await runImport(db, streamSource('standard', Buffer.from(lines.join('\n'))), { sourceName: 's', onProgress: () => { if (Math.random() < 0.1) console.log('rss', Math.round(process.memoryUsage().rss / 1e6), Math.round(process.memoryUsage().heapUsed / 1e6)); } });
  console.log(r.created, (performance.now() - t).toFixed(0), 'ms');
  await db.$disconnect();
})();
