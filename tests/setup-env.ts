// Runs before every test file, before Ink is imported. CI machines set CI=true, which makes
// Ink draw only a final frame; the component tests read every frame, so they run as on a
// developer's machine. (The end-to-end tests start the binary with their own environment.)
process.env['CI'] = 'false';
process.env['CONTINUOUS_INTEGRATION'] = 'false';
// Tests own their data: no background fate warm-ups.
process.env['PUSHER_NO_FATE_WARMUP'] = '1';
