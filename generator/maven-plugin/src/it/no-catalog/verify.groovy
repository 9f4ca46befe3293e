def log = new File(basedir, 'build.log').text
assert log.contains('no catalog: none of the 1 classes compiled from the project\'s sources implements io.chartascode.generator.Catalog')
assert log.contains('set <catalog> in the plugin\'s configuration, or -Dchartascode.catalog=<class>')
assert !new File(basedir, 'generated').exists()
return true
