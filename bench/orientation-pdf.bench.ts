// Fiche d'orientation PDF: time to build (database read + layout + QR codes) and size of a
// 5-place fiche, on the demo places. Targets (issue #7): p95 under 500 ms, under 300 kB.
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- orientation
import { createPrismaClient } from '../lib/db/client';
import { buildFiche, ficheRequestSchema } from '../lib/orientation/fiche';
import { renderFichePdf } from '../lib/orientation/pdf';
import { seedDemo } from '../prisma/seed';
import { openBenchDatabase } from './database';
import { percentiles, timed } from './timing';
import { compareAndSave } from './results';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);

async function main() {
  const database = await openBenchDatabase('reperes_bench_pdf');
  const prisma = createPrismaClient(database.url, { max: 2 });
  try {
    await seedDemo(prisma, { testFixture: true });
    const places = await prisma.place.findMany({
      where: { status: 'PUBLISHED', openingHours: { not: null } },
      orderBy: { name: 'asc' },
      take: 5,
      select: { id: true },
    });
    const request = ficheRequestSchema.parse({
      places: places.map((p, i) => ({
        id: p.id,
        note: i % 2 ? 'Demander Julie, le mardi matin ; apporter la carte Vitale et le dernier avis d’imposition.' : '',
      })),
      firstName: 'Amina',
      need: 'Déclarer ses ressources trimestrielles à la CAF et créer son compte Ameli',
      professional: { structure: 'CCAS de Cholet', contact: 'Mme Durand, 02 41 00 00 00' },
    });
    // Warm-up: fonts and modules load once per process.
    await renderFichePdf(await buildFiche(prisma, request, 'https://reperes.example'));
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const { ms, value: pdf } = await timed(async () => renderFichePdf(await buildFiche(prisma, request, 'https://reperes.example')));
      times.push(ms);
      size = pdf.length;
    }
    const p = percentiles(times);
    console.log(
      `5-place fiche PDF: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (${p.n} runs); size ${(size / 1024).toFixed(1)} kB`,
    );
    await compareAndSave({
      name: 'orientation-pdf',
      databaseUrl: database.url,
      scale: { runs: RUNS },
      dataset: 'the demo places (prisma/seed.ts): a 5-place fiche with hours, two notes, beneficiary and professional fields',
      figures: [
        { key: 'pdf.p95', label: '5-place fiche PDF, p95', value: Math.round(p.p95 * 10) / 10, unit: 'ms', better: 'lower', target: { op: '<', value: 500 } },
        {
          key: 'pdf.size',
          label: '5-place fiche PDF, size',
          value: Math.round((size / 1024) * 10) / 10,
          unit: 'kB',
          better: 'lower',
          target: { op: '<', value: 300 },
        },
      ],
      raw: { ...p, bytes: size },
    });
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
