def log = new File(basedir, 'build.log').text
// The findings, once: no second copy on stderr, no "Caused by", no stack frames.
assert (log =~ /1 problem in the model; nothing was written:/).size() == 1
assert (log =~ /latest/).size() >= 1
assert !log.contains('Caused by')
assert !(log =~ /\n\s+at (io\.chartascode|com\.example)\./)
assert log.contains('generated was not touched; fix the model and run again.')
// Step 3 (check against the valid model) passed: the tree is byte for byte the valid model's.
assert log.contains('chart-as-code: generated is up to date')
return true
