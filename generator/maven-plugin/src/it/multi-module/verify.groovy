def log = new File(basedir, 'build.log').text
['orders', 'payments'].each { service ->
  assert new File(basedir, "${service}/generated/helm/${service}/Chart.yaml").isFile()
  assert new File(basedir, "${service}/generated/kustomize/${service}/overlays/prod/kustomization.yaml").isFile()
  assert !new File(basedir, "${service}/generated/helm/${service == 'orders' ? 'payments' : 'orders'}").exists()
}
assert (log =~ /chart-as-code: (orders|payments)\/generated: (\d+) files, \2 written, 0 removed, 0 unchanged/).size() == 2
assert (log =~ /chart-as-code: (orders|payments)\/generated is up to date/).size() == 2
assert log =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in com.example.payments.PaymentsChartsTest/
return true
