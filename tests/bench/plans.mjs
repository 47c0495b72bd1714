// Plans the benches edit, shared by input-paint.mjs and profile.mjs.

/** The stage rate each bench edit changes. */
export const RATE = 'stage-rate-2';

/** A large plan: 12 stages, 6 channels, a year, a 180-day cycle and seasonality. */
export const LARGE = '#' + [
  'quota=24000000', 'deal=30000', 'period=year', 'start=2027-01', 'cycle=180',
  'stages=Visitors,Leads:3,MQLs:40,SQLs:50,Discovery:70,Demo:60,Trial:50,Proposal:60,Negotiation:70,Legal:90,Signed:95,Won:90',
  'channels=Search:30:50,Social:20:40,Events:10:300,Content:15:20,Partners:15:80,Outbound:10:120',
  'season=5,6,8,9,9,8,7,6,9,10,11,12',
].join('&');
