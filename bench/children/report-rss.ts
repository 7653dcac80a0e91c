// Preloaded into benchmark children: report peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\n`)
})
