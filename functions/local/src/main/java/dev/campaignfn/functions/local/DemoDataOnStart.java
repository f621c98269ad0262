package dev.campaignfn.functions.local;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** With {@code CAMPAIGNFN_LOCAL_DEMO_DATA=true} the launcher loads the demo data when it starts. */
@ApplicationScoped
public class DemoDataOnStart {

    private static final Logger LOG = Logger.getLogger(DemoDataOnStart.class);

    @ConfigProperty(name = "campaignfn.local.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    DemoData demo;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            DemoData.Loaded loaded = demo.load();
            LOG.infof("demo data: created %s, already present %s", loaded.created(), loaded.alreadyPresent());
        }
    }
}
