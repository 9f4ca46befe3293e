// Each step of publish/invoker.properties, as the user saw it, and what helm 3 and 4 make of the result.
import io.chartascode.testing.Command
import io.chartascode.testing.tools.Tool
import io.chartascode.testing.tools.Toolbox
import java.security.MessageDigest

def registryDir = new File(basedir, 'registry')
try {
  def log = new File(basedir, 'build.log').text
  def port = new File(registryDir, 'port').text.trim()

  // 1, 2. package twice, into two directories: the same bytes.
  def packaged = (log =~ /chart-as-code: target\/charts(?:-again)?\/shop-1\.0\.0\.tgz \((\d+) bytes, (sha256:[0-9a-f]{64})\)/).collect { it[2] }
  assert packaged.size() == 2 : log
  assert packaged[0] == packaged[1]
  def tgz = new File(basedir, 'target/charts/shop-1.0.0.tgz')
  def sha = 'sha256:' + MessageDigest.getInstance('SHA-256').digest(tgz.bytes).encodeHex().toString()
  assert sha == packaged[0]
  assert new File(basedir, 'target/charts-again/shop-1.0.0.tgz').bytes == tgz.bytes

  // 2. push; the same again is a no-op that says so.
  def pushed = (log =~ /chart-as-code: pushed oci:\/\/127\.0\.0\.1:${port}\/charts\/shop:1\.0\.0 \((sha256:[0-9a-f]{64})\)/)
  assert pushed.size() == 1 : log
  def digest = pushed[0][1]
  assert log.contains("oci://127.0.0.1:${port}/charts/shop:1.0.0 is already in the registry with the same content (${digest}); nothing pushed")

  // 3. the changed model under the same version is refused, naming both digests.
  def refused = (log =~ /already exists with different content: the registry has (sha256:[0-9a-f]{64}), this build made (sha256:[0-9a-f]{64})/)
  assert refused.size() == 1 : log
  assert refused[0][1] == digest
  assert refused[0][2] != digest
  assert log.contains('raise the chart version in the model')

  // helm 3 and 4 pull the pushed bytes (the first archive) and render from the registry.
  for (tool in [Tool.HELM_3, Tool.HELM_4]) {
    def helm = Toolbox.standard().path(tool).toString()
    def into = new File(basedir, "pulled-${tool.name()}")
    into.mkdirs()
    def ref = "oci://127.0.0.1:${port}/charts/shop".toString()
    def pull = Command.run([helm, 'pull', ref, '--version', '1.0.0', '--plain-http', '-d', into.path]).assertSuccess()
    assert (pull.stdout() + pull.stderr()).contains("Digest: ${digest}")
    assert new File(into, 'shop-1.0.0.tgz').bytes == tgz.bytes
    def rendered = Command.run([helm, 'template', 'shop', ref, '--version', '1.0.0', '--plain-http']).assertSuccess().stdout()
    assert rendered.contains('kind: Deployment')
  }
  return true
} finally {
  def pid = new File(registryDir, 'pid')
  if (pid.isFile()) {
    ProcessHandle.of(pid.text.trim() as long).ifPresent { it.destroy() }
  }
}
