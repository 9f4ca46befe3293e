// Starts a real OCI registry (distribution 2.8.2, installed by tools/docker-registry.sh) on a free
// loopback port, storing under target/ of this IT, and points the project's builds at it.
// verify.groovy stops it; a shutdown hook of this JVM stops it too, should verify never run.
def binary = new File(dockerRegistry)
assert binary.canExecute() : "${binary} is missing; tools/docker-registry.sh installs it"
def dir = new File(basedir, 'registry')
dir.mkdirs()
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
def config = new File(dir, 'config.yml')
config.text = """\
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${new File(dir, 'data').absolutePath}
http:
  addr: 127.0.0.1:${port}
  secret: chart-as-code-it
"""
def pb = new ProcessBuilder(binary.path, 'serve', config.path)
pb.redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log'))
pb.environment().put('HOME', dir.path)
pb.environment().put('TMPDIR', dir.path)
def process = pb.start()
Runtime.runtime.addShutdownHook(new Thread({ process.destroy() }))
new File(dir, 'pid').text = process.pid().toString()
def ready = false
for (int i = 0; i < 200 && !ready; i++) {
  try {
    def c = new URL("http://127.0.0.1:${port}/v2/").openConnection()
    c.connectTimeout = 500
    ready = c.responseCode == 200
  } catch (IOException e) {
    Thread.sleep(50)
  }
}
assert ready : "the registry did not start:\n" + new File(dir, 'registry.log').text
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dchartascode.registry=oci://127.0.0.1:${port}/charts\n"
new File(dir, 'port').text = port.toString()
return true
