def log = new File(basedir, 'build.log').text
['orders', 'payments'].each { service ->
  assert new File(basedir, "${service}/generated/helm/${service}/Chart.yaml").isFile()
  assert new File(basedir, "${service}/generated/kustomize/${service}/overlays/prod/kustomization.yaml").isFile()
  assert !new File(basedir, "${service}/generated/helm/${service == 'orders' ? 'payments' : 'orders'}").exists()
}
assert (log =~ /chart-as-code: (orders|payments)\/generated: (\d+) files, \2 written, 0 removed, 0 unchanged/).size() == 2
// Both verify runs found both trees current.
assert (log =~ /chart-as-code: (orders|payments)\/generated is up to date/).size() == 4
// After the edit of orders/config/orders.properties: orders rendered and wrote, payments had nothing to do.
assert log =~ /chart-as-code: orders\/generated: \d+ files, [1-9]\d* written, 0 removed, [1-9]\d* unchanged/
assert log =~ /chart-as-code: nothing to do: payments\/generated/
assert !(log =~ /chart-as-code: nothing to do: orders\/generated/)
assert new File(basedir, 'orders/generated/helm/orders/files/settings/orders.properties').text == 'retention.days=14\n'
assert log =~ /Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in com.example.payments.PaymentsChartsTest/
return true
