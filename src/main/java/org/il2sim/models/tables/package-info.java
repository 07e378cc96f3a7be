/** The small delimited data files bundled with the models, read with the file and line named in every error. */
package org.il2sim.models.tables;
