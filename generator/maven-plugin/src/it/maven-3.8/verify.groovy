// Each step of maven-3.8/invoker.properties, with the Maven it ran on.
def log = new File(basedir, 'build.log').text
assert log.contains('Apache Maven 3.8.7')
// The JDK it ran on (the pom's it.javaHome: JDK 25 where the profile newest-jdk is active).
println((log =~ /Java version: [^,]+/)[0])
assert !log.contains('NoClassDefFoundError') && !log.contains('A required class was missing')
assert log =~ /chart-as-code: imported shop-api as com\.example\.ShopApi into src\/main\/java\/com\/example\/ShopApi\.java/
assert log =~ /chart-as-code: generated: (\d+) files, \1 written, 0 removed, 0 unchanged/
assert log =~ /chart-as-code: generated is up to date \(\d+ files\)/
assert log =~ /chart-as-code: nothing to do: generated/
assert new File(basedir, 'generated/helm/shop-api/Chart.yaml').isFile()
return true
