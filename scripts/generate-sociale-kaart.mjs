// Writes a made-up sociale kaart in the Open Referral HSDS 3 JSON shape that Meldwijzer imports
// (src/sociale_kaart/import/hsds.rs). Everything is invented; phone numbers are 010-555 numbers.
//   node scripts/generate-sociale-kaart.mjs OUT.json [--count 10000] [--seed 1] [--first 0]
//   (--first numbers the ids from there, so several files make one region without id clashes)
//       a deterministic pack of COUNT services spread over invented gemeenten (for benchmarks)
//   node scripts/generate-sociale-kaart.mjs --voorbeeldstad OUT.json
//       the example region Gemeente Voorbeeldstad (public/regions/voorbeeldstad-sociale-kaart.json)
import fs from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const voorbeeldstad = args.includes('--voorbeeldstad') && args.splice(args.indexOf('--voorbeeldstad'), 1);
const count = Number(option('--count', 10000));
const seed = Number(option('--seed', 1));
const first = Number(option('--first', 0));
const out = args[0];
if (!out || out.startsWith('-') || !Number.isInteger(count) || count < 1) {
  console.error('usage: node scripts/generate-sociale-kaart.mjs OUT.json [--count N] [--seed S] [--first N] | --voorbeeldstad OUT.json');
  process.exit(2);
}

const DAYS = { ma: 'MO', di: 'TU', wo: 'WE', do: 'TH', vr: 'FR', za: 'SA', zo: 'SU' };
const ORDER = Object.keys(DAYS);

// "ma-vr 09:00-17:00; za 10:00-12:00" or "24/7" → HSDS schedules.
function schedules(compact) {
  if (!compact) return [];
  if (compact === '24/7') {
    return [{ freq: 'WEEKLY', byday: Object.values(DAYS).join(','), opens_at: '00:00', closes_at: '00:00', description: 'Dag en nacht bereikbaar.' }];
  }
  return compact.split(';').flatMap((group) => {
    const [days, ...periods] = group.trim().split(/\s+/);
    const byday = days.split(',').flatMap((part) => {
      const [from, to = from] = part.split('-');
      const start = ORDER.indexOf(from);
      const span = (ORDER.indexOf(to) - start + 7) % 7;
      return Array.from({ length: span + 1 }, (_, k) => DAYS[ORDER[(start + k) % 7]]);
    });
    return periods.map((period) => {
      const [opens_at, closes_at] = period.split('-');
      return { freq: 'WEEKLY', byday: byday.join(','), opens_at, closes_at };
    });
  });
}

const term = (code, taxonomy) => ({ taxonomy_term: { code, taxonomy } });

// One HSDS service from a flat description.
function service(s) {
  const attributes = [
    ...s.themes.map((code) => term(code, 'thema')),
    ...(s.groups ?? []).map((code) => term(code, 'doelgroep')),
    ...(s.free ? [term('gratis', 'kenmerk')] : []),
    // Made-up data says either way, so the filter "Zonder verwijzing" has something to find.
    term(s.referral ? 'verwijzing-nodig' : 'zonder-verwijzing', 'kenmerk'),
  ];
  const location = s.address && {
    id: `${s.id}-locatie`,
    location_type: 'physical',
    name: s.building ?? s.name,
    latitude: s.address.lat,
    longitude: s.address.lon,
    addresses: [{ address_1: s.address.street, city: s.address.city, postal_code: s.address.postcode, country: 'NL', address_type: 'physical' }],
    accessibility: s.accessibility ? [{ description: s.accessibility }] : [],
  };
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status ?? 'active',
    alert: s.alert,
    eligibility_description: s.eligibility,
    minimum_age: s.min,
    maximum_age: s.max,
    fees_description: s.fees,
    assured_date: s.assured,
    organization: { id: s.org.id, name: s.org.name, website: s.org.url },
    phones: s.phones.map(([number, type, description]) => ({ number, type: type ?? 'voice', description })),
    schedules: schedules(s.hours),
    service_areas: s.areas.map(([name, extent]) => ({ name, extent_type: 'text', extent })),
    service_at_locations: location ? [{ location }] : [],
    languages: (s.languages ?? ['nl']).map((code) => ({ code })),
    attributes,
  };
}

function write(services) {
  fs.writeFileSync(out, JSON.stringify(services, null, voorbeeldstad ? 2 : 0) + '\n');
  console.log(`${out}: ${services.length} services`);
}

if (voorbeeldstad) write(exampleRegion().map(service));
else write(generated(count, seed, first).map(service));

// --- Gemeente Voorbeeldstad -----------------------------------------------------------------

function exampleRegion() {
  const gemeente = ['Gemeente Voorbeeldstad', '3311-3319'];
  const wijk = {
    noord: ['Noord', '3311-3313'],
    centrum: ['Centrum', '3314-3315'],
    zuid: ['Zuid', '3316-3318'],
    haven: ['Havenkwartier', '3319'],
  };
  const city = 'Voorbeeldstad';
  const at = (street, postcode, lat, lon) => ({ street, postcode, city, lat, lon });
  const place = {
    linde: at('Lindelaan 12', '3312 AB', 51.9241, 4.4777),
    stadhuis: at('Stadhuisplein 1', '3314 CD', 51.9203, 4.4801),
    kerk: at('Kerkstraat 3', '3315 EF', 51.9189, 4.4823),
    kade: at('Havenweg 8', '3319 GH', 51.9102, 4.4899),
    molen: at('Molenstraat 40', '3317 KL', 51.9121, 4.4711),
    park: at('Noorderparkweg 2', '3311 MN', 51.9277, 4.4742),
    markt: at('Grote Markt 7', '3314 PR', 51.9198, 4.4812),
    zuidplein: at('Zuidplein 15', '3316 ST', 51.9144, 4.4760),
    school: at('Schoolstraat 21', '3313 VW', 51.9250, 4.4830),
    gezondheid: at('Gezondheidsplein 1', '3318 XZ', 51.9109, 4.4688),
  };
  const gem = { id: 'gemeente-voorbeeldstad', name: 'Gemeente Voorbeeldstad', url: 'https://www.voorbeeldstad.nl' };
  const buurtwerk = { id: 'buurtwerk-voorbeeldstad', name: 'Stichting Buurtwerk Voorbeeldstad', url: 'https://www.buurtwerk-voorbeeld.nl' };
  const cjg = { id: 'cjg-voorbeeldstad', name: 'Centrum voor Jeugd en Gezin Voorbeeldstad', url: 'https://www.cjgvoorbeeldstad.nl' };
  const welzijn = { id: 'welzijn-voorbeeldstad', name: 'Welzijn Voorbeeldstad', url: 'https://www.welzijn-voorbeeld.nl' };
  const haven = { id: 'veilige-haven', name: 'Stichting Veilige Haven', url: 'https://www.veiligehaven-voorbeeld.nl' };
  const ggz = { id: 'ggz-rivierland', name: 'GGZ Rivierland', url: 'https://www.ggz-rivierland.nl' };
  const vt = { id: 'veilig-thuis-voorbeeldregio', name: 'Veilig Thuis Voorbeeldregio', url: 'https://www.veiligthuis-voorbeeldregio.nl' };
  const gp = (name) => ({ id: slug(name), name, url: `https://www.${slug(name)}.nl` });
  const office = 'ma-vr 09:00-17:00';
  const checked = ['2026-09-18', '2026-10-02', '2026-10-15', '2026-10-29', '2026-11-05'];
  let phone = 100;
  let n = 0;
  // The teams the region pack (public/regions/voorbeeldstad.json) lists too: the same numbers
  // there and here, as a gemeente's data should have (the checker reports any difference).
  const packNumbers = { 'buurtteam-noord': '010-555 0101', 'buurtteam-centrum': '010-555 0102',
    'buurtteam-zuid': '010-555 0103', 'cjg-voorbeeldstad': '010-555 0200' };
  const s = (fields) => {
    phone += 7;
    return {
      phones: [[packNumbers[fields.id] ?? `010-555 ${String(phone).padStart(4, '0')}`]],
      email: `${fields.id}@voorbeeldstad.nl`,
      url: `https://www.voorbeeldstad.nl/${fields.id}`,
      assured: checked[n++ % checked.length],
      ...fields,
    };
  };

  const buurtteam = (key, name, area, address) =>
    s({
      id: `buurtteam-${key}`,
      name: `Buurtteam ${name}`,
      org: buurtwerk,
      description: `Hulp bij opvoeden, zorgen thuis, geld, wonen en ruzie of geweld in huis, voor iedereen in ${name === 'Zuid' ? 'Zuid en het Havenkwartier' : name}. Je kunt zonder afspraak binnenlopen. Samen kijken we wat je nodig hebt.`,
      email: `${key}@buurtteam.voorbeeldstad.nl`,
      url: `https://www.voorbeeldstad.nl/buurtteam-${key}`,
      hours: `${office}; do 19:00-21:00`,
      areas: area,
      address,
      building: `Wijkcentrum ${name}`,
      themes: ['wijkteam', 'opvoeden', 'huiselijk-geweld', 'schulden', 'wonen'],
      groups: ['ouders', 'kinderen', 'jongeren', 'volwassenen', 'ouderen'],
      languages: ['nl', 'en', 'ar', 'tr'],
      free: true,
      eligibility: `Voor iedereen die in ${name} woont.`,
      accessibility: 'Toegankelijk met rolstoel. Ringleiding in de spreekkamers.',
    });

  const huisarts = (id, name, area, address, extra = {}) =>
    s({
      id,
      name,
      org: gp(name),
      description: `Huisartsenpraktijk in ${area[0]}. Voor een afspraak bel je 's ochtends. Ook als je je zorgen maakt over geweld thuis kun je bij de huisarts terecht.`,
      url: `https://www.${id}.nl`,
      email: `praktijk@${id}.nl`,
      hours: 'ma-vr 08:00-17:00',
      areas: [area],
      address,
      themes: ['huisarts'],
      groups: ['kinderen', 'volwassenen', 'ouderen'],
      free: true,
      accessibility: 'Gelijkvloers, invalidentoilet aanwezig.',
      ...extra,
    });

  const jongerenwerk = (key, name, area, address, hours) =>
    s({
      id: `jongerenwerk-${key}`,
      name: `Jongerenwerk ${name}`,
      org: welzijn,
      description: `Een plek om te chillen, te praten en hulp te vragen. Voor jongeren van 12 tot en met 23 jaar in ${name}. Ook als het thuis niet goed gaat.`,
      url: `https://www.welzijn-voorbeeld.nl/jongerenwerk-${key}`,
      email: `jongerenwerk-${key}@welzijn-voorbeeld.nl`,
      hours,
      areas: [area],
      address,
      building: `Jongerenhuis ${name}`,
      themes: ['jeugd'],
      groups: ['jongeren'],
      min: 12,
      max: 23,
      free: true,
      languages: ['nl', 'en'],
    });

  return [
    buurtteam('noord', 'Noord', [wijk.noord], place.linde),
    buurtteam('centrum', 'Centrum', [wijk.centrum], place.markt),
    buurtteam('zuid', 'Zuid', [wijk.zuid, wijk.haven], place.zuidplein),
    s({
      id: 'cjg-voorbeeldstad',
      name: 'Centrum voor Jeugd en Gezin Voorbeeldstad',
      org: cjg,
      description: 'Vragen over opgroeien en opvoeden, van zwangerschap tot 23 jaar. Bel, mail of chat met een jeugdverpleegkundige of pedagoog.',
      url: 'https://www.cjgvoorbeeldstad.nl',
      email: 'info@cjgvoorbeeldstad.nl',
      hours: 'ma-vr 08:30-17:00',
      areas: [gemeente],
      address: place.kerk,
      themes: ['opvoeden', 'jeugd'],
      groups: ['ouders', 'kinderen', 'jongeren'],
      max: 23,
      free: true,
      languages: ['nl', 'en', 'ar', 'tr', 'pl'],
    }),
    s({
      id: 'consultatiebureau-noord',
      name: 'Consultatiebureau Noord',
      org: cjg,
      description: 'Groei en ontwikkeling van je baby en peuter, vaccinaties en vragen over voeding, slapen en huilen.',
      url: 'https://www.cjgvoorbeeldstad.nl/consultatiebureau-noord',
      hours: 'ma,wo,do 08:30-16:30',
      areas: [wijk.noord],
      address: place.park,
      themes: ['opvoeden', 'jeugd'],
      groups: ['ouders', 'kinderen'],
      max: 4,
      free: true,
    }),
    s({
      id: 'consultatiebureau-zuid',
      name: 'Consultatiebureau Zuid',
      org: cjg,
      description: 'Groei en ontwikkeling van je baby en peuter, vaccinaties en vragen over voeding, slapen en huilen. Ook voor het Havenkwartier.',
      url: 'https://www.cjgvoorbeeldstad.nl/consultatiebureau-zuid',
      hours: 'di,vr 08:30-16:30',
      areas: [wijk.zuid, wijk.haven],
      address: place.gezondheid,
      themes: ['opvoeden', 'jeugd'],
      groups: ['ouders', 'kinderen'],
      max: 4,
      free: true,
    }),
    s({
      id: 'opvoedpunt-centrum',
      name: 'Opvoedpunt',
      org: cjg,
      description: 'Een gesprek met een opvoedadviseur over driftbuien, grenzen stellen, pesten of een scheiding. Een tot vijf gesprekken, zonder verwijzing.',
      url: 'https://www.cjgvoorbeeldstad.nl/opvoedpunt',
      hours: 'ma-do 09:00-17:00; wo 19:00-21:00',
      areas: [gemeente],
      address: place.kerk,
      themes: ['opvoeden'],
      groups: ['ouders'],
      free: true,
    }),
    s({
      id: 'opvoedcursus-samen-sterk',
      name: 'Opvoedcursus Samen Sterk',
      org: cjg,
      description: 'Zes avonden met andere ouders over positief opvoeden en rust in huis. Met kinderopvang tijdens de cursus.',
      hours: 'di 19:30-21:30',
      areas: [gemeente],
      address: place.kerk,
      themes: ['opvoeden'],
      groups: ['ouders'],
      fees: 'Eigen bijdrage van 25 euro; gratis met de Voorbeeldstadpas.',
    }),
    s({
      id: 'gezin-aan-huis',
      name: 'Gezin aan Huis',
      org: welzijn,
      description: 'Een getrainde vrijwilliger komt een dagdeel per week bij je thuis, als je het even niet redt met je kinderen. Voor gezinnen met een kind tot 12 jaar.',
      url: 'https://www.welzijn-voorbeeld.nl/gezin-aan-huis',
      hours: office,
      areas: [gemeente],
      themes: ['opvoeden'],
      groups: ['ouders', 'kinderen'],
      free: true,
      languages: ['nl', 'en', 'ar'],
    }),
    s({
      id: 'ouder-kindgroep-de-kade',
      name: 'Ouder-kindgroep De Kade',
      org: welzijn,
      description: 'Samen spelen, koffie drinken en ervaringen delen met andere ouders van jonge kinderen in het Havenkwartier.',
      hours: 'wo 09:30-11:30',
      areas: [wijk.haven],
      address: place.kade,
      building: 'Buurthuis De Kade',
      themes: ['opvoeden'],
      groups: ['ouders', 'kinderen'],
      max: 4,
      free: true,
      languages: ['nl', 'ar', 'tr'],
    }),
    s({
      id: 'steunpunt-scheiden',
      name: 'Steunpunt Scheiden',
      org: cjg,
      description: 'Hulp voor ouders en kinderen bij een scheiding: goede afspraken maken, ruzie voorkomen, en een praatgroep voor kinderen.',
      hours: 'ma,do 09:00-17:00',
      areas: [gemeente],
      address: place.kerk,
      themes: ['opvoeden', 'jeugd'],
      groups: ['ouders', 'kinderen'],
      free: true,
    }),
    s({
      id: 'schoolmaatschappelijk-werk-basisonderwijs',
      name: 'Schoolmaatschappelijk werk basisonderwijs',
      org: buurtwerk,
      description: 'De schoolmaatschappelijk werker is er voor kinderen, ouders en leerkrachten bij zorgen over een kind, thuis of op school. Vraag ernaar bij de intern begeleider.',
      hours: 'ma-vr 08:30-16:00',
      areas: [gemeente],
      address: place.school,
      themes: ['onderwijs', 'jeugd', 'opvoeden'],
      groups: ['kinderen', 'ouders', 'professionals'],
      min: 4,
      max: 12,
      free: true,
    }),
    s({
      id: 'schoolmaatschappelijk-werk-voortgezet',
      name: 'Schoolmaatschappelijk werk voortgezet onderwijs',
      org: buurtwerk,
      description: 'Praten over stress, thuis, vrienden of je toekomst met de schoolmaatschappelijk werker op je middelbare school. Vertrouwelijk.',
      hours: 'ma-vr 08:30-16:30',
      areas: [gemeente],
      address: place.school,
      themes: ['onderwijs', 'jeugd'],
      groups: ['jongeren', 'ouders', 'professionals'],
      min: 12,
      max: 18,
      free: true,
    }),
    s({
      id: 'leerplicht-voorbeeldstad',
      name: 'Leerplicht en thuiszitters',
      org: gem,
      description: 'Zit je kind thuis of gaat het vaak niet naar school? De leerplichtambtenaar zoekt samen met jullie en de school naar een oplossing.',
      hours: office,
      areas: [gemeente],
      address: place.stadhuis,
      themes: ['onderwijs', 'jeugd'],
      groups: ['ouders', 'jongeren', 'professionals'],
      min: 5,
      max: 18,
      free: true,
    }),
    huisarts('huisartsenpraktijk-de-linde', 'Huisartsenpraktijk De Linde', wijk.noord, place.linde),
    huisarts('huisartsen-noorderpark', 'Huisartsen Noorderpark', wijk.noord, place.park, { languages: ['nl', 'en'] }),
    huisarts('gezondheidscentrum-centrum', 'Gezondheidscentrum Centrum', wijk.centrum, place.markt, { languages: ['nl', 'en', 'ar'] }),
    huisarts('huisartsenpraktijk-van-dijk', 'Huisartsenpraktijk Van Dijk', wijk.centrum, place.kerk),
    huisarts('gezondheidscentrum-zuid', 'Gezondheidscentrum Zuid', wijk.zuid, place.gezondheid, { languages: ['nl', 'tr'] }),
    huisarts('huisartsenpraktijk-de-molen', 'Huisartsenpraktijk De Molen', wijk.zuid, place.molen),
    huisarts('huisartsen-havenkwartier', 'Huisartsen Havenkwartier', wijk.haven, place.kade, { languages: ['nl', 'en', 'pl'] }),
    s({
      id: 'huisartsenpost-voorbeeldstad',
      name: 'Huisartsenpost Voorbeeldstad',
      org: gp('Huisartsenpost Voorbeeldstad'),
      description: "Medische hulp 's avonds, 's nachts en in het weekend, als het niet kan wachten tot je eigen huisarts er is. Bel altijd eerst.",
      url: 'https://www.huisartsenpost-voorbeeldstad.nl',
      hours: 'ma-vr 17:00-08:00; za-zo 00:00-00:00',
      areas: [gemeente],
      address: place.gezondheid,
      themes: ['huisarts'],
      groups: ['kinderen', 'volwassenen', 'ouderen'],
      free: true,
    }),
    s({
      id: 'veilig-thuis-voorbeeldregio',
      name: 'Veilig Thuis Voorbeeldregio',
      org: vt,
      description: 'Advies en meldpunt bij huiselijk geweld en kindermishandeling. Voor slachtoffers, omstanders en professionals. Je kunt ook anoniem bellen of chatten.',
      url: 'https://www.veiligthuis-voorbeeldregio.nl',
      email: 'advies@veiligthuis-voorbeeldregio.nl',
      hours: '24/7',
      areas: [['Voorbeeldregio', '3311-3329']],
      address: at('Regioweg 100', '3316 AA', 51.9150, 4.4701),
      building: 'Regiokantoor Veilig Thuis',
      themes: ['huiselijk-geweld', 'slachtofferhulp'],
      groups: ['slachtoffers', 'kinderen', 'volwassenen', 'ouderen', 'professionals'],
      free: true,
      languages: ['nl', 'en', 'ar', 'tr', 'pl'],
    }),
    s({
      id: 'vrouwenopvang-de-vuurtoren',
      name: 'Vrouwenopvang De Vuurtoren',
      org: haven,
      description: 'Een veilige plek voor vrouwen en hun kinderen die thuis niet veilig zijn. Het adres is geheim. Aanmelden gaat via Veilig Thuis, het buurtteam of de politie, dag en nacht.',
      url: 'https://www.veiligehaven-voorbeeld.nl/de-vuurtoren',
      email: 'aanmelden@veiligehaven-voorbeeld.nl',
      hours: '24/7',
      areas: [gemeente],
      themes: ['vrouwenopvang', 'huiselijk-geweld'],
      groups: ['slachtoffers', 'volwassenen', 'kinderen'],
      min: 18,
      eligibility: 'Vrouwen vanaf 18 jaar, met of zonder kinderen.',
      free: true,
      referral: true,
      languages: ['nl', 'en', 'ar', 'tr'],
    }),
    s({
      id: 'steunpunt-huiselijk-geweld',
      name: 'Steunpunt Huiselijk Geweld',
      org: haven,
      description: 'Ambulante hulp als je thuis te maken hebt met geweld, dreiging of controle, en je (nog) niet weg wilt of kunt. Ook voor mannen.',
      url: 'https://www.veiligehaven-voorbeeld.nl/steunpunt',
      hours: 'ma-vr 09:00-17:00; di 19:00-21:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['huiselijk-geweld'],
      groups: ['slachtoffers', 'volwassenen'],
      min: 18,
      free: true,
      languages: ['nl', 'en', 'ar'],
    }),
    s({
      id: 'stop-geweld-daderhulp',
      name: 'Stop Geweld: hulp bij agressie thuis',
      org: haven,
      description: 'Ben je bang dat je thuis iemand pijn doet, of is het al gebeurd? Een training en gesprekken om te leren stoppen met geweld.',
      hours: 'ma,wo 09:00-17:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['huiselijk-geweld', 'psychische-gezondheid'],
      groups: ['volwassenen'],
      min: 18,
      referral: true,
    }),
    s({
      id: 'slachtofferhulp-voorbeeldregio',
      name: 'Slachtofferhulp Voorbeeldregio',
      org: { id: 'slachtofferhulp-voorbeeldregio', name: 'Slachtofferhulp Voorbeeldregio', url: 'https://www.slachtofferhulp-voorbeeldregio.nl' },
      description: 'Praktische, juridische en emotionele steun na een misdrijf, verkeersongeluk of geweld. Ook hulp bij aangifte en schadevergoeding.',
      url: 'https://www.slachtofferhulp-voorbeeldregio.nl',
      email: 'info@slachtofferhulp-voorbeeldregio.nl',
      hours: 'ma-vr 08:00-20:00; za 10:00-17:00',
      areas: [['Voorbeeldregio', '3311-3329']],
      themes: ['slachtofferhulp', 'huiselijk-geweld'],
      groups: ['slachtoffers'],
      free: true,
      languages: ['nl', 'en'],
    }),
    s({
      id: 'centrum-seksueel-geweld',
      name: 'Centrum Seksueel Geweld Voorbeeldregio',
      org: { id: 'csg-voorbeeldregio', name: 'Centrum Seksueel Geweld Voorbeeldregio', url: 'https://www.csg-voorbeeldregio.nl' },
      description: 'Direct hulp na verkrachting of aanranding: medisch, psychisch en bij aangifte. Bel zo snel mogelijk, dag en nacht.',
      url: 'https://www.csg-voorbeeldregio.nl',
      hours: '24/7',
      areas: [['Voorbeeldregio', '3311-3329']],
      themes: ['slachtofferhulp', 'huiselijk-geweld'],
      groups: ['slachtoffers', 'jongeren', 'volwassenen'],
      free: true,
      languages: ['nl', 'en'],
    }),
    s({
      id: 'schuldhulp-voorbeeldstad',
      name: 'Schuldhulp Voorbeeldstad',
      org: gem,
      description: 'Zorgen over geld of rekeningen die je niet kunt betalen? Samen maken we een plan. Je hoeft niet te wachten tot het erger wordt.',
      hours: 'ma-do 09:00-16:00',
      areas: [gemeente],
      address: place.stadhuis,
      building: 'Stadhuis',
      themes: ['schulden'],
      groups: ['volwassenen', 'ouderen'],
      min: 18,
      free: true,
      languages: ['nl', 'en', 'ar'],
      accessibility: 'Lift aanwezig, ringleiding bij de balie.',
    }),
    s({
      id: 'geldloket-noord',
      name: 'Geldloket Noord',
      org: buurtwerk,
      description: 'Vrijwilligers helpen je met post, toeslagen en een overzicht van je geldzaken. Binnenlopen mag.',
      hours: 'di,do 13:00-16:00',
      areas: [wijk.noord],
      address: place.linde,
      building: 'Wijkcentrum Noord',
      themes: ['schulden'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
    }),
    s({
      id: 'formulierenhulp-centrum',
      name: 'Formulierenhulp',
      org: welzijn,
      description: 'Hulp bij het invullen van formulieren en brieven van de gemeente, de Belastingdienst of het UWV. Neem je post mee.',
      hours: 'ma,wo,vr 10:00-12:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['schulden'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
      languages: ['nl', 'en', 'ar', 'tr'],
    }),
    s({
      id: 'grip-op-je-geld',
      name: 'Cursus Grip op je geld',
      org: buurtwerk,
      description: 'Vier bijeenkomsten over budgetteren, sparen en omgaan met rood staan. Samen met anderen in dezelfde situatie.',
      hours: 'wo 19:00-21:00',
      areas: [gemeente],
      address: place.zuidplein,
      themes: ['schulden'],
      groups: ['volwassenen', 'jongeren'],
      min: 16,
      free: true,
    }),
    s({
      id: 'woonloket-voorbeeldstad',
      name: 'Woonloket',
      org: gem,
      description: 'Vragen over huren, urgentie, een aangepaste woning of problemen met je verhuurder.',
      hours: office,
      areas: [gemeente],
      address: place.stadhuis,
      themes: ['wonen'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
    }),
    s({
      id: 'centrale-toegang-opvang',
      name: 'Centrale toegang maatschappelijke opvang',
      org: gem,
      description: 'Ben je dakloos of dreig je je woning kwijt te raken? Hier meld je je voor opvang en begeleiding naar een eigen plek.',
      hours: 'ma-vr 09:00-17:00; za-zo 10:00-12:00',
      areas: [gemeente],
      address: place.stadhuis,
      themes: ['wonen', 'psychische-gezondheid'],
      groups: ['volwassenen', 'jongeren'],
      min: 18,
      free: true,
    }),
    s({
      id: 'nachtopvang-de-haven',
      name: 'Nachtopvang De Haven',
      org: welzijn,
      description: 'Een bed, een douche en een warme maaltijd voor wie geen slaapplek heeft. Aanmelden via de centrale toegang.',
      hours: 'ma-zo 21:00-09:00',
      areas: [gemeente],
      address: place.kade,
      themes: ['wonen'],
      groups: ['volwassenen'],
      min: 18,
      free: true,
      referral: true,
    }),
    s({
      id: 'huurteam-voorbeeldstad',
      name: 'Huurteam',
      org: welzijn,
      description: 'Gratis advies als je huur te hoog is, je verhuurder niet repareert of je huurcontract niet klopt.',
      hours: 'di,do 09:00-17:00',
      areas: [gemeente],
      address: place.zuidplein,
      themes: ['wonen'],
      groups: ['volwassenen', 'jongeren'],
      free: true,
      languages: ['nl', 'en', 'pl'],
    }),
    s({
      id: 'ggz-wijkteam',
      name: 'GGZ Wijkteam',
      org: ggz,
      description: 'Begeleiding thuis bij psychische problemen, verslaving of verward gedrag. De huisarts of het buurtteam verwijst je door.',
      url: 'https://www.ggz-rivierland.nl/wijkteam-voorbeeldstad',
      hours: office,
      areas: [gemeente],
      address: place.gezondheid,
      themes: ['psychische-gezondheid'],
      groups: ['volwassenen', 'ouderen'],
      min: 18,
      referral: true,
    }),
    s({
      id: 'crisisdienst-ggz',
      name: 'Crisisdienst GGZ',
      org: ggz,
      description: 'Acute psychische crisis? De crisisdienst is dag en nacht bereikbaar via de huisarts of de huisartsenpost.',
      url: 'https://www.ggz-rivierland.nl/crisis',
      hours: '24/7',
      areas: [['Voorbeeldregio', '3311-3329']],
      themes: ['psychische-gezondheid'],
      groups: ['kinderen', 'jongeren', 'volwassenen', 'ouderen'],
      referral: true,
    }),
    s({
      id: 'inloophuis-het-anker',
      name: 'Inloophuis Het Anker',
      org: welzijn,
      description: 'Even niet alleen zijn: koffie, een praatje en activiteiten voor mensen die het psychisch zwaar hebben.',
      hours: 'ma-vr 10:00-16:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['psychische-gezondheid'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
    }),
    s({
      id: 'praatlijn-jong',
      name: 'Praatlijn Jong',
      org: ggz,
      description: 'Chat of bel anoniem met een getrainde vrijwilliger als je ergens mee zit. Niets is te klein.',
      url: 'https://www.praatlijn-jong.nl',
      phones: [['010-555 0990', 'voice'], ['010-555 0991', 'text', 'Sms of chat']],
      hours: 'ma-zo 14:00-22:00',
      areas: [['Voorbeeldregio', '3311-3329']],
      themes: ['psychische-gezondheid', 'jeugd'],
      groups: ['kinderen', 'jongeren'],
      min: 8,
      max: 23,
      free: true,
    }),
    s({
      id: 'ouderenadviseur-voorbeeldstad',
      name: 'Ouderenadviseur',
      org: welzijn,
      description: 'Advies aan huis over wonen, zorg, geld en eenzaamheid. Ook bij zorgen over ouderenmishandeling of financieel misbruik.',
      hours: office,
      areas: [gemeente],
      themes: ['ouderen', 'huiselijk-geweld'],
      groups: ['ouderen'],
      min: 65,
      free: true,
    }),
    s({
      id: 'mantelzorgsteunpunt',
      name: 'Mantelzorgsteunpunt',
      org: welzijn,
      description: 'Zorg je voor een naaste en loop je vast? Advies, lotgenotencontact en respijtzorg zodat je even op adem kunt komen.',
      hours: 'ma-do 09:00-16:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['ouderen', 'psychische-gezondheid'],
      groups: ['volwassenen', 'ouderen', 'jongeren'],
      free: true,
    }),
    s({
      id: 'seniorenpunt-zuid',
      name: 'Seniorenpunt Zuid',
      org: welzijn,
      description: 'Ontmoeting, een warme maaltijd en hulp bij de computer of telefoon voor ouderen in Zuid en het Havenkwartier.',
      hours: 'di,do 10:00-15:00',
      areas: [wijk.zuid, wijk.haven],
      address: place.molen,
      themes: ['ouderen'],
      groups: ['ouderen'],
      min: 55,
      fees: 'Maaltijd 6 euro.',
    }),
    s({
      id: 'ontmoetingscentrum-de-weverij',
      name: 'Ontmoetingscentrum De Weverij',
      org: welzijn,
      description: 'Dagbesteding en ondersteuning voor mensen met beginnende dementie en hun mantelzorgers.',
      hours: 'ma-vr 09:30-16:00',
      areas: [gemeente],
      address: at('Weverstraat 5', '3313 BA', 51.9262, 4.4851),
      themes: ['ouderen', 'psychische-gezondheid'],
      groups: ['ouderen'],
      referral: true,
      accessibility: 'Volledig gelijkvloers, aangepast toilet.',
    }),
    jongerenwerk('noord', 'Noord', wijk.noord, place.park, 'wo,vr 14:00-22:00'),
    jongerenwerk('centrum', 'Centrum', wijk.centrum, place.markt, 'di,do 15:00-21:00; za 13:00-17:00'),
    {
      ...jongerenwerk('zuid', 'Zuid', wijk.zuid, place.zuidplein, 'wo,vr 14:00-22:00'),
      status: 'temporarily closed',
      alert: 'Tijdelijk dicht door een verbouwing. Bel of app ons, we zijn wel bereikbaar.',
    },
    jongerenwerk('havenkwartier', 'Havenkwartier', wijk.haven, place.kade, 'ma,wo 15:00-21:00'),
    s({
      id: 'jongerenloket',
      name: 'Jongerenloket',
      org: gem,
      description: 'Geen school, geen werk of geen geld? Jongeren van 16 tot 27 krijgen hier hulp bij opleiding, werk, inkomen en wonen.',
      hours: 'ma-vr 10:00-16:00',
      areas: [gemeente],
      address: place.stadhuis,
      themes: ['jeugd', 'schulden', 'onderwijs'],
      groups: ['jongeren'],
      min: 16,
      max: 27,
      free: true,
    }),
    s({
      id: 'taalhuis-voorbeeldstad',
      name: 'Taalhuis',
      org: { id: 'bibliotheek-voorbeeldstad', name: 'Bibliotheek Voorbeeldstad', url: 'https://www.bibliotheek-voorbeeldstad.nl' },
      description: 'Beter leren lezen, schrijven, rekenen of Nederlands spreken. Met een taalmaatje of in een groep, in de bibliotheek.',
      url: 'https://www.bibliotheek-voorbeeldstad.nl/taalhuis',
      hours: 'di,do 10:00-12:00; wo 19:00-21:00',
      areas: [gemeente],
      address: at('Bibliotheekplein 2', '3315 BB', 51.9180, 4.4830),
      themes: ['onderwijs'],
      groups: ['volwassenen', 'ouderen'],
      min: 16,
      free: true,
      languages: ['nl', 'en', 'ar', 'tr', 'pl', 'uk'],
    }),
    s({
      id: 'vve-loket',
      name: 'Loket voorschoolse educatie',
      org: cjg,
      description: 'Een plek op de peuteropvang voor je kind van 2 tot 4 jaar, met extra aandacht voor taal. Vaak zonder kosten.',
      hours: 'ma,di,do 09:00-12:00',
      areas: [gemeente],
      address: place.kerk,
      themes: ['onderwijs', 'opvoeden'],
      groups: ['ouders', 'kinderen'],
      min: 2,
      max: 4,
      free: true,
    }),
    s({
      id: 'voedselbank-voorbeeldstad',
      name: 'Voedselbank Voorbeeldstad',
      org: { id: 'voedselbank-voorbeeldstad', name: 'Stichting Voedselbank Voorbeeldstad', url: 'https://www.voedselbank-voorbeeldstad.nl' },
      description: 'Een wekelijks voedselpakket als je tijdelijk te weinig geld hebt voor eten. Aanmelden via het buurtteam of schuldhulp.',
      url: 'https://www.voedselbank-voorbeeldstad.nl',
      hours: 'vr 13:00-16:00',
      areas: [gemeente],
      address: at('Loodsweg 3', '3319 CC', 51.9095, 4.4910),
      themes: ['schulden'],
      groups: ['ouders', 'volwassenen', 'ouderen'],
      free: true,
      referral: true,
    }),
    s({
      id: 'sociaal-raadslieden',
      name: 'Sociaal raadslieden',
      org: welzijn,
      description: 'Gratis advies over regels en rechten: toeslagen, uitkering, huur, bezwaar maken en brieven die je niet begrijpt.',
      hours: 'ma,wo 13:00-16:00; vr 09:00-12:00',
      areas: [gemeente],
      address: place.markt,
      themes: ['schulden', 'wonen'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
      languages: ['nl', 'en', 'tr'],
    }),
    s({
      id: 'clientondersteuning-voorbeeldstad',
      name: 'Onafhankelijke cliëntondersteuning',
      org: welzijn,
      description: 'Iemand die met je meedenkt en meegaat naar gesprekken met de gemeente of zorgverleners, en alleen aan jouw kant staat.',
      hours: office,
      areas: [gemeente],
      themes: ['ouderen', 'wonen'],
      groups: ['volwassenen', 'ouderen', 'ouders'],
      free: true,
    }),
    s({
      id: 'buurthuis-de-kade',
      name: 'Buurthuis De Kade',
      org: welzijn,
      description: 'Huiskamer van het Havenkwartier: koffie, taalcafé, huiswerkbegeleiding en een luisterend oor.',
      hours: 'ma-vr 09:00-21:00; za 10:00-14:00',
      areas: [wijk.haven],
      address: place.kade,
      themes: ['jeugd', 'ouderen'],
      groups: ['kinderen', 'jongeren', 'volwassenen', 'ouderen'],
      free: true,
      languages: ['nl', 'ar', 'tr', 'pl'],
    }),
    s({
      id: 'meldpunt-zorg-en-overlast',
      name: 'Meldpunt Zorg en Overlast',
      org: gem,
      description: 'Maak je je zorgen over een buurtbewoner die verward is, vereenzaamt of overlast geeft? Meld het hier, ook anoniem.',
      hours: office,
      areas: [gemeente],
      themes: ['psychische-gezondheid'],
      groups: ['volwassenen', 'ouderen', 'professionals'],
      free: true,
    }),
    s({
      id: 'jeugdarts-ggd',
      name: 'Jeugdarts en jeugdverpleegkundige',
      org: { id: 'ggd-voorbeeldregio', name: 'GGD Voorbeeldregio', url: 'https://www.ggd-voorbeeldregio.nl' },
      description: 'Onderzoek en advies over gezondheid, groei en ontwikkeling van schoolkinderen, en over vaccinaties.',
      url: 'https://www.ggd-voorbeeldregio.nl/jeugd',
      hours: 'ma-vr 08:30-16:30',
      areas: [gemeente],
      address: place.gezondheid,
      themes: ['jeugd', 'onderwijs'],
      groups: ['kinderen', 'jongeren', 'ouders'],
      min: 4,
      max: 18,
      free: true,
    }),
    s({
      id: 'maatjesproject-samen',
      name: 'Maatjesproject Samen',
      org: welzijn,
      description: 'Een vrijwillig maatje om samen te wandelen, boodschappen te doen of gewoon te praten, als je je eenzaam voelt.',
      hours: 'ma-do 09:00-13:00',
      areas: [gemeente],
      themes: ['ouderen', 'psychische-gezondheid'],
      groups: ['volwassenen', 'ouderen'],
      free: true,
    }),
    s({
      id: 'logeerhuis-de-boomgaard',
      name: 'Logeerhuis De Boomgaard',
      org: cjg,
      description: 'Een weekend per maand logeren voor kinderen met een beperking of zorgvraag, zodat ouders even kunnen opladen.',
      hours: 'vr 17:00-00:00; za-zo 00:00-00:00',
      areas: [gemeente],
      address: at('Boomgaardlaan 9', '3318 DD', 51.9099, 4.4655),
      themes: ['jeugd', 'opvoeden'],
      groups: ['kinderen', 'ouders'],
      max: 18,
      referral: true,
      status: 'active',
    }),
    s({
      id: 'vrijwilligerscentrale-oud',
      name: 'Vrijwilligerscentrale (oud adres)',
      org: welzijn,
      description: 'Deze dienst is opgegaan in Welzijn Voorbeeldstad.',
      hours: office,
      areas: [gemeente],
      themes: ['wijkteam'],
      groups: ['volwassenen'],
      status: 'defunct',
    }),
  ];
}

// --- A large invented country -----------------------------------------------------------------

function generated(total, seed, first = 0) {
  let state = seed >>> 0 || 1;
  // mulberry32: small, fast and the same everywhere.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];

  const heads = ['Beek', 'Oost', 'West', 'Hoog', 'Laag', 'Nieuw', 'Oud', 'Zand', 'Veen', 'Brug', 'Dijk', 'Wijk', 'Hof', 'Ter', 'Mol', 'Bos', 'Wester', 'Ooster', 'Noorder', 'Zuider'];
  const tails = ['dam', 'hout', 'veld', 'broek', 'dorp', 'horst', 'meer', 'wijk', 'zijl', 'hoven', 'kerk', 'burg', 'stein', 'loo', 'rade', 'werf', 'sluis', 'haven'];
  const surnames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Dijkstra', 'Yılmaz', 'El Amrani', 'Kowalski', 'Öztürk', 'Nguyen', 'Brouwer'];
  const streets = ['Kerkstraat', 'Molenweg', 'Dorpsstraat', 'Schoolstraat', 'Lindelaan', 'Havenweg', 'Stationsplein', 'Marktplein', 'Parkweg', 'Julianalaan', 'Beatrixstraat', 'Eikenlaan', 'Kastanjehof', 'Wilhelminastraat', 'Sluiskade'];
  const kinds = [
    { kind: 'Buurtteam', themes: ['wijkteam', 'opvoeden', 'schulden', 'wonen'], groups: ['ouders', 'volwassenen', 'ouderen'], hours: 'ma-vr 09:00-17:00', text: 'Hulp bij opvoeden, zorgen thuis, geld en wonen. Binnenlopen mag.' },
    { kind: 'Sociaal team', themes: ['wijkteam', 'huiselijk-geweld'], groups: ['volwassenen', 'ouders'], hours: 'ma-do 09:00-16:30', text: 'Eén team voor vragen over zorg, werk, inkomen en veiligheid thuis.' },
    { kind: 'Jongerenwerk', themes: ['jeugd'], groups: ['jongeren'], hours: 'wo,vr 14:00-22:00', min: 12, max: 23, text: 'Een plek om te chillen, te sporten en hulp te vragen.' },
    { kind: 'Schuldhulp', themes: ['schulden'], groups: ['volwassenen'], hours: 'ma-do 09:00-16:00', min: 18, text: 'Samen een plan maken als je rekeningen niet meer kunt betalen.' },
    { kind: 'Huisartsenpraktijk', themes: ['huisarts'], groups: ['kinderen', 'volwassenen', 'ouderen'], hours: 'ma-vr 08:00-17:00', text: 'Voor een afspraak bel je in de ochtend.' },
    { kind: 'Opvoedpunt', themes: ['opvoeden'], groups: ['ouders'], hours: 'ma,wo,do 09:00-17:00', text: 'Een paar gesprekken met een opvoedadviseur, zonder verwijzing.' },
    { kind: 'Vrouwenopvang', themes: ['vrouwenopvang', 'huiselijk-geweld'], groups: ['slachtoffers', 'kinderen'], hours: '24/7', min: 18, referral: true, text: 'Een veilige plek op een geheim adres, dag en nacht.' },
    { kind: 'Slachtofferloket', themes: ['slachtofferhulp'], groups: ['slachtoffers'], hours: 'ma-vr 08:00-20:00', text: 'Steun na een misdrijf, ongeluk of geweld.' },
    { kind: 'GGZ-team', themes: ['psychische-gezondheid'], groups: ['volwassenen'], hours: 'ma-vr 09:00-17:00', referral: true, text: 'Begeleiding bij psychische problemen, via de huisarts.' },
    { kind: 'Ouderenadvies', themes: ['ouderen'], groups: ['ouderen'], hours: 'di,do 10:00-15:00', min: 65, text: 'Advies aan huis over wonen, zorg en eenzaamheid.' },
    { kind: 'Woonloket', themes: ['wonen'], groups: ['volwassenen'], hours: 'ma-vr 09:00-12:00', text: 'Vragen over huren, urgentie en een aangepaste woning.' },
    { kind: 'Schoolmaatschappelijk werk', themes: ['onderwijs', 'jeugd'], groups: ['kinderen', 'ouders', 'professionals'], hours: 'ma-vr 08:30-16:00', min: 4, max: 18, text: 'Voor zorgen over een kind, thuis of op school.' },
    { kind: 'Nachtopvang', themes: ['wonen'], groups: ['volwassenen'], hours: 'ma-zo 21:00-09:00', min: 18, text: 'Een bed en een douche voor wie geen slaapplek heeft.' },
    { kind: 'Taalcafé', themes: ['onderwijs'], groups: ['volwassenen'], hours: 'wo 19:00-21:00', text: 'Nederlands oefenen met vrijwilligers, gezellig en gratis.' },
  ];
  const extras = [
    'Je kunt ook bellen of mailen.', 'Wij spreken ook Engels en Arabisch.', 'Er is een tolk beschikbaar.',
    'Samen kijken we wat je nodig hebt.', 'Alles wat je vertelt blijft tussen ons.', 'Voor inwoners van de gemeente.',
    'Ook in de avond bereikbaar na afspraak.', 'Het gebouw is toegankelijk met een rolstoel.', 'Kinderen zijn welkom.',
    'We werken samen met de huisarts en de school.', 'Je hoeft niet te wachten tot het erger wordt.',
  ];
  const towns = Array.from({ length: 60 }, (_, i) => ({
    name: `${pick(heads)}${pick(tails)}`,
    from: 1000 + i * 100 + Math.floor(random() * 10),
  }));
  const orgs = Array.from({ length: 1500 }, (_, i) => {
    const town = pick(towns);
    const name = pick([`Stichting ${pick(heads)}${pick(tails)}`, `Welzijn ${town.name}`, `Zorggroep ${pick(heads)}${pick(tails)}`, `Gemeente ${town.name}`, `Maatschap ${pick(surnames)}`]);
    return { id: `org-${i}`, name, url: `https://www.${slug(name)}.nl` };
  });

  return Array.from({ length: total }, (_, i) => {
    const type = pick(kinds);
    const town = pick(towns);
    const wijk = Math.floor(random() * 8);
    const from = town.from + wijk * 3;
    const label = type.kind === 'Huisartsenpraktijk' ? pick(surnames) : `${pick(heads)}${pick(tails).toLowerCase()}`;
    const name = `${type.kind} ${label}`;
    const org = pick(orgs);
    return {
      id: `${slug(name)}-${first + i}`,
      name,
      org,
      description: [type.text, ...some(extras, 3), `Adres: ${pick(streets)} ${1 + Math.floor(random() * 200)}, ${town.name}.`].join(' '),
      phones: [[`010-555 ${String(i % 10000).padStart(4, '0')}`]],
      email: `info@${slug(org.name)}.nl`,
      url: `${org.url}/${slug(name)}`,
      hours: random() < 0.9 ? type.hours : null,
      areas: [[`Wijk ${wijk + 1} ${town.name}`, `${from}-${from + 2}`], [`Gemeente ${town.name}`, `${town.from}-${town.from + 29}`]],
      address: at(town, from),
      themes: type.themes,
      groups: some(type.groups, type.groups.length),
      min: type.min,
      max: type.max,
      free: random() < 0.7,
      referral: type.referral ?? random() < 0.15,
      languages: some(['nl', 'nl', 'nl', 'en', 'ar', 'tr', 'pl', 'uk'], 3),
      status: random() < 0.03 ? 'temporarily closed' : 'active',
      assured: `2026-${String(1 + Math.floor(random() * 10)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
    };
  });

  function at(town, from) {
    const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
    return {
      street: `${pick(streets)} ${1 + Math.floor(random() * 200)}`,
      postcode: `${from + Math.floor(random() * 3)} ${pick(letters)}${pick(letters)}`,
      city: town.name,
    };
  }
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
